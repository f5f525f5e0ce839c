"""The visitor's address, the one way the whole site reads it: for the functie-vraag's limit and django-axes.

Behind N reverse proxies (`LPO_PROXY_COUNT`), each proxy appends the address it received the request from to
X-Forwarded-For, so the client is the N-th address from the right; everything to its left was sent by the
client and can be anything. Without proxies (the default) forwarded headers are never trusted.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.LPO_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < count:
        # Fewer hops than proxies: the request did not come through all of them, so only the peer is known.
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
