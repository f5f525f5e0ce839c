"""gunicorn's settings for the portal: `gunicorn -c lpo/gunicorn.conf.py lpo.wsgi`.

gunicorn believes X-Forwarded-Proto (and so the https:// in links) only from the proxies that the portal
itself trusts: none unless LPO_PROXY_COUNT says proxies stand in front, then the addresses in
LPO_PROXY_ADDRESSES (default: this machine, where nginx runs).
"""

import os

proxy_count = int(os.environ.get("LPO_PROXY_COUNT") or 0)
forwarded_allow_ips = os.environ.get("LPO_PROXY_ADDRESSES", "127.0.0.1,::1") if proxy_count > 0 else ""
