"""Tries the deployed stack from outside, as editors and visitors meet it (run by scripts/test-deploy.sh).

Everything goes to 127.0.0.1: nginx in front, two gunicorn servers behind it, PostgreSQL and Redis shared.
Visitors are told apart by their own loopback source address (127.0.0.x), as nginx sees them. Exits non-zero
when any check fails, and prints what it measured.
"""

import argparse
import http.client
import os
import random
import re
import signal
import sys
import threading
import time
import urllib.parse
from collections import Counter

import redis
from bench import Editor

CHAPTER = "/handreiking/sociale-steun/"
CHAPTER_ADMIN = "/beheer/guidance/page/3/change/"
JUNK_URLS = [CHAPTER, "/", "/keuzehulp/?vorm=groep", "/interventies/", "/api/keuzehulp/?leeftijd=jongeren"]
failures = []


def check(condition, message):
    print(("  ok    " if condition else "  FOUT  ") + message)
    if not condition:
        failures.append(message)


def request(base, path, method="GET", body=None, headers=None, source="127.0.0.1"):
    """One request from the given loopback source address; returns (status, headers, body)."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=20, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def fresh_reads(args):
    print("An editor saves the chapter's text through server A while readers use both servers through nginx:")
    editor = Editor(args.servers[0], threading.Event())
    login = "/beheer/login/"
    editor.post(login, editor.form(login) | {"username": args.editor, "password": args.password})
    original = editor.form(CHAPTER_ADMIN)["body_nl"]
    stale, reads, saves = 0, 0, 0
    started = time.time()
    for n in range(1, 11):
        text = f"Deploy-opslag {n} {random.randrange(10**9)}."
        data = editor.form(CHAPTER_ADMIN)
        data["body_nl"] = f"{original}\n\n{text}"
        landed = editor.post(CHAPTER_ADMIN, data)
        saves += landed.endswith("/beheer/guidance/page/")
        for base in [args.proxy] * 6 + args.servers:
            status, _, body = request(base, CHAPTER)
            reads += 1
            stale += status != 200 or text.encode() not in body
    check(saves == 10, f"10 saves through server A: {saves} landed")
    check(stale == 0, f"{reads} reads right after the saves (nginx and each server): {stale} showed an old text")
    print(f"        ({time.time() - started:.1f} s)")


def limits_per_visitor(args):
    print("Limits per visitor, not per proxy:")
    origin = args.proxy
    form = urllib.parse.urlencode({"functie": "vrijwilliger", "terug": "/"})
    headers = {"Origin": origin, "Content-Type": "application/x-www-form-urlencoded"}
    statuses = Counter(
        request(args.proxy, "/functie/", "POST", form, headers, source=f"127.0.0.{10 + n}")[0] for n in range(30)
    )
    check(statuses == Counter({303: 30}), f"30 visitors answer the functie-vraag once each: {dict(statuses)}")
    # A visitor may claim any X-Forwarded-For; nginx appends the real address, and that one counts.
    repeated = [
        request(
            args.proxy, "/functie/", "POST", form, headers | {"X-Forwarded-For": f"198.51.100.{n}"}, source="127.0.0.60"
        )[0]
        for n in range(7)
    ]
    check(repeated == [303] * 5 + [429, 429], f"one visitor answering 7 times, over both servers: {repeated}")

    tries = [log_in(args.proxy, args.editor, "fout-wachtwoord", source="127.0.0.70") for _ in range(6)]
    check(tries[4:] == [429, 429], f"six wrong passwords from one visitor lock that visitor out: {tries}")
    status = log_in(args.proxy, args.editor, args.password, source="127.0.0.71")
    check(status == 302, f"the editor, from another address, still logs in: {status}")


def log_in(base, username, password, source):
    """The admin's login form as a browser at `source` fills it in: CSRF cookie and token first."""
    login = "/beheer/login/"
    _, headers, body = request(base, login, source=source)
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    return request(base, login, "POST", form, headers, source=source)[0]


def junk_parameters(args, store):
    print("Junk parameters do not grow the shared cache:")
    for path in JUNK_URLS:
        for _ in range(4):  # both servers, both encodings
            request(args.proxy, path)
            request(args.proxy, path, headers={"Accept-Encoding": "gzip"})
    before = store.dbsize()
    started = time.time()
    statuses = Counter()
    for n in range(1000):
        path = JUNK_URLS[n % len(JUNK_URLS)]
        junk = urllib.parse.urlencode({"utm_source": random.randrange(10**9), f"x{n}": "y" * (n % 50)})
        statuses[request(args.proxy, f"{path}{'&' if '?' in path else '?'}{junk}")[0]] += 1
    after = store.dbsize()
    check(statuses == Counter({200: 1000}), f"1 000 requests with junk parameters: {dict(statuses)}")
    check(after == before, f"keys in Redis before {before}, after {after}")
    print(f"        ({1000 / (time.time() - started):.0f} requests/s through nginx)")


def health(args):
    print("Health checks:")
    for base in args.servers:
        status, _, body = request(base, "/healthz")
        check(status == 200 and b'"database": "ok"' in body, f"{base}/healthz: {status} {body.decode()}")
    status, _, _ = request(args.proxy, "/healthz", headers={"Host": "aanvaller.example"})
    check(status == 400, f"a Host the site does not serve: {status}")


def server_stops(args):
    print("Server B stops in the middle of a run; nginx sends everyone to server A:")
    statuses, stop = Counter(), threading.Event()
    lock = threading.Lock()

    def reader(number):
        paths = [CHAPTER, "/", "/keuzehulp/?vorm=groep", "/api/keuzehulp/", "/interventies/pm-plus/"]
        n = 0
        while not stop.is_set():
            try:
                status = request(args.proxy, paths[n % len(paths)], source=f"127.0.0.{100 + number}")[0]
            except OSError:
                status = "connection error"
            with lock:
                statuses[status] += 1
            n += 1

    threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    os.killpg(args.stop_pid, signal.SIGTERM)
    time.sleep(4)
    stop.set()
    for thread in threads:
        thread.join()
    errors = sum(count for status, count in statuses.items() if status == "connection error" or status >= 500)
    check(errors == 0, f"{sum(statuses.values())} requests in 6 s while B stopped: {dict(statuses)}")
    try:
        request(args.servers[1], "/healthz")
        stopped = False
    except OSError:
        stopped = True
    check(stopped, "server B is really down")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--proxy", required=True)
    parser.add_argument("--server", dest="servers", action="append", required=True)
    parser.add_argument("--stop-pid", type=int, required=True)
    parser.add_argument("--redis", required=True)
    parser.add_argument("--editor", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    store = redis.Redis.from_url(args.redis)
    print(f"The stack: nginx {args.proxy} in front of {', '.join(args.servers)}; PostgreSQL and {args.redis}.")
    health(args)
    fresh_reads(args)
    limits_per_visitor(args)
    junk_parameters(args, store)
    server_stops(args)
    if failures:
        print(f"{len(failures)} check(s) failed.")
        sys.exit(1)
    print("All deployment checks passed.")


if __name__ == "__main__":
    main()
