"""The functie-vraag: one anonymous click, counted per answer and month.

No cookie and no stored address: forgery is stopped by checking that the form was sent from this site (the
Origin header), flooding by a short-lived counter per hashed address in the cache that all workers and servers share.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F

from guidance.models import RoleCount
from lpo.client import client_ip

RATE_LIMIT = 5  # answers per address per window
RATE_WINDOW = 600  # seconds


def same_origin(request):
    origin = request.headers.get("Origin")
    if origin:
        return origin == f"{request.scheme}://{request.get_host()}"
    # Browsers that send no Origin on a same-site form still say where the request came from.
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def allow(request):
    """False when this address answered too often lately. The address itself is never stored."""
    address = client_ip(request)
    key = "lpo:role-rate:" + hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    limits = caches["shared"]
    if limits.add(key, 1, RATE_WINDOW):
        return True
    try:
        return limits.incr(key) <= RATE_LIMIT
    except ValueError:
        limits.add(key, 1, RATE_WINDOW)
        return True


def count(role, today=None):
    month = (today or date.today()).replace(day=1)
    if RoleCount.objects.filter(role=role, month=month).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            RoleCount.objects.create(role=role, month=month, count=1)
    except IntegrityError:  # another visitor made this month's row first
        RoleCount.objects.filter(role=role, month=month).update(count=F("count") + 1)
