"""`make bench`: the production server on loopback, loaded by wrk, compared with its own static file.

Runs twice: with the real content and with 5 000 generated interventions, each in its own temporary
SQLite database. Stops everything it started. Absolute numbers vary between machines; the ratios to the
static file, measured side by side in the same run, are what count.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SECONDS = int(os.environ.get("BENCH_SECONDS", "6"))
CONNECTIONS = 32
TARGETS = {"chapter": 0.5, "keuzehulp": 0.5}
TARGETS_5000 = {"keuzehulp": 0.2}

URLS = {
    "static": None,  # the site's own stylesheet, found on the home page
    "home": "/",
    "chapter": "/handreiking/sociale-steun/",
    "keuzehulp": "/keuzehulp/?leeftijd=kinderen&doel=mentaal-welzijn&vorm=groep",
    "api": "/api/keuzehulp/?leeftijd=ouders-gezin&vorm=individueel",
}

MANY_INTERVENTIONS = """
from interventions.models import Intervention, Tag
from tests.factories import InterventionFactory
tags = list(Tag.objects.all())
made = Intervention.objects.bulk_create(InterventionFactory.build_batch(5000))
Through = Intervention.tags.through
Through.objects.bulk_create(
    Through(intervention_id=i.pk, tag_id=tags[(n + k) % len(tags)].pk) for n, i in enumerate(made) for k in range(3)
)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, stdin=None):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, input=stdin, text=True, check=True, stdout=subprocess.DEVNULL
    )


def fetch(url, gzip=True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


class Server:
    def __init__(self, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        workers = str(os.cpu_count() or 2)
        self.process = subprocess.Popen(
            [GUNICORN, "lpo.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", workers, "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                fetch(self.base + "/")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("The server did not start within 30 seconds.")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)


def wrk(url):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 30,
    ).stdout

    def number(pattern, default="0"):
        match = re.search(pattern, output, re.MULTILINE)
        return match.group(1) if match else default

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    errors += int(number(r"Non-2xx or 3xx responses: (\d+)"))
    return {
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": number(r"^\s+50%\s+(\S+)", "-"),
        "p99": number(r"^\s+99%\s+(\S+)", "-"),
        "errors": errors,
    }


def run(label, env):
    server = Server(env)
    try:
        _, home = fetch(server.base + "/", gzip=False)
        URLS["static"] = re.search(rb'href="(/static/nlds/[^"]+\.css)"', home).group(1).decode()
        rows = {}
        for name, path in URLS.items():
            url = server.base + path
            status, body = fetch(url)  # also fills the page cache, as any first visitor would
            rows[name] = {"url": path, "bytes": len(body), **wrk(url)}
        return rows
    finally:
        server.stop()


def report(label, rows, targets):
    static = rows["static"]["rps"] or 1
    print(f"\n{label}")
    print(f"{'URL':<62} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>6} {'bytes':>7} {'ratio':>6}")
    missed = []
    for name, row in rows.items():
        ratio = row["rps"] / static
        mark = ""
        if name in targets:
            ok = ratio >= targets[name]
            mark = f"  {'ok' if ok else 'BELOW'} (target {targets[name]:.0%})"
            if not ok:
                missed.append(f"{label}: {name} {ratio:.0%} < {targets[name]:.0%}")
        print(
            f"{row['url'][:62]:<62} {row['rps']:>8.0f} {row['p50']:>9} {row['p99']:>9} {row['errors']:>6} "
            f"{row['bytes']:>7} {ratio:>6.0%}{mark}"
        )
        if row["errors"]:
            missed.append(f"{label}: {name} had {row['errors']} errors")
    return missed


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install it with 'sudo apt-get install wrk' ('make bench' does this).")
    print(
        f"LPO portal benchmark: gunicorn with {os.cpu_count()} workers on loopback, wrk -c{CONNECTIONS} "
        f"for {SECONDS} s per URL, gzip accepted. Absolute numbers vary between machines; the ratios count."
    )
    missed = []
    with tempfile.TemporaryDirectory(prefix="lpo-bench-") as tmp:
        base_env = {
            **os.environ,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_DEBUG": "false",
            "LPO_CONTENT_STAMP": f"{tmp}/stamp",
        }
        manage(base_env | {"DATABASE_URL": f"sqlite:///{tmp}/unused.sqlite3"}, "collectstatic", "--noinput", "-v0")
        for label, extra, targets in [
            ("Real content", None, TARGETS),
            ("With 5 000 generated interventions", MANY_INTERVENTIONS, TARGETS_5000),
        ]:
            env = base_env | {"DATABASE_URL": f"sqlite:///{tmp}/{len(label)}.sqlite3"}
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "load_content", "-v0")
            if extra:
                manage(env, "shell", stdin=extra)
            missed += report(label, run(label, env), targets)
    print()
    if missed:
        print("Targets missed:\n- " + "\n- ".join(missed))
        sys.exit(1)
    print("All targets met.")


if __name__ == "__main__":
    main()
