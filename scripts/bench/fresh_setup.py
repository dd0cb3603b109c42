"""Fresh set-up: from `git clone` of the committed HEAD to the site served by `make serve`.

Timed with pip's cache turned off (PIP_NO_CACHE_DIR=1), then with it warm; and the same with
uv installing the environment instead of pip, when uv can be had. The clone is of HEAD: work
not yet committed is not in it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from .common import ENV, PYTHON, ROOT, Failed, fetch, start, stop

URL = "http://127.0.0.1:8000/"  # where `make serve` serves (mkdocs serve's default address)
UV_HOME = ROOT / "build" / "bench-uv"  # a private environment holding uv, made once


def clean_env(**extra: str) -> dict:
    """The environment of a contributor's shell: no virtualenv active, no outer make's flags."""
    venv = str(Path(PYTHON).parent)
    path = os.pathsep.join(p for p in ENV.get("PATH", "").split(os.pathsep) if p != venv)
    left_out = {"VIRTUAL_ENV", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "PYTHONPATH"}
    return {**{k: v for k, v in ENV.items() if k not in left_out}, "PATH": path, **extra}


def port_is_free() -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", 8000))
        except OSError:
            return False
    return True


def uv_binary() -> str | None:
    """uv from PATH, else from a private environment under build/ (installed there with pip once)."""
    found = shutil.which("uv") or (UV_HOME / "bin" / "uv")
    if Path(found).exists():
        return str(found)
    subprocess.run([PYTHON, "-m", "venv", str(UV_HOME)], check=True, capture_output=True)
    result = subprocess.run([str(UV_HOME / "bin" / "python"), "-m", "pip", "install", "--quiet", "uv"],
                            capture_output=True, text=True)
    return str(UV_HOME / "bin" / "uv") if result.returncode == 0 else None


def uv_install(clone: Path, uv: str, env: dict) -> None:
    """What the Makefile's `$(BIN)/.installed` rule does, with uv in place of pip."""
    for command in ([uv, "venv", "--quiet", "--python", "python3", ".venv"],
                    [uv, "pip", "install", "--quiet", "--python", ".venv/bin/python", "-c", "constraints.txt",
                     "-e", ".[test]"]):
        result = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=1800)
        if result.returncode != 0:
            raise Failed(f"{' '.join(command[:3])} failed: {result.stderr.strip()[-500:]}")
    (clone / ".venv" / "bin" / ".installed").touch()  # make serve then finds the environment up to date


def clone_and_serve(tmp: Path, name: str, env: dict, uv: str | None = None) -> dict:
    """Seconds from `git clone` to the home page served with status 200 by `make serve`."""
    clone = tmp / name
    epoch, started = time.time(), time.perf_counter()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, capture_output=True)
    cloned = time.perf_counter()
    if uv:
        uv_install(clone, uv, env)
    log = tmp / f"{name}.log"
    server = start(["make", "serve"], clone, env=env, log=log)
    try:
        served = wait_until_served(server, log) - started
    finally:
        stop(server)
    installed = clone / ".venv" / "bin" / ".installed"
    install = installed.stat().st_mtime - epoch - (cloned - started)
    shutil.rmtree(clone, ignore_errors=True)
    return {"total_s": served, "clone_s": cloned - started, "install_s": install,
            "first_build_and_serve_s": served - (cloned - started) - install}


def wait_until_served(server, log: Path, seconds: float = 1800) -> float:
    """The moment (perf_counter) the home page answers 200 while `server` runs; Failed if it stops."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise Failed(f"make serve stopped with status {server.returncode}: see {log}")
        try:
            if fetch(URL, timeout=2)[0] == 200:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.25)
    raise Failed(f"nothing served on {URL} within {seconds:.0f} s")


def fresh_setup(tmp: Path, with_uv: bool = True) -> dict:
    if not port_is_free():
        raise Failed("port 8000 is busy: `make serve` could not serve there")
    figures = {"commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                        text=True).stdout.strip()}
    figures["pip_uncached"] = clone_and_serve(tmp, "pip-uncached", clean_env(PIP_NO_CACHE_DIR="1"))
    # As on a machine with nothing but PyPI: no pip configuration files and no local wheel folder.
    pypi_only = {k: v for k, v in clean_env(PIP_NO_CACHE_DIR="1", PIP_CONFIG_FILE=os.devnull).items()
                 if k != "PIP_FIND_LINKS"}  # the certificate and timeout settings stay: they are the network's
    figures["pip_uncached_pypi"] = clone_and_serve(tmp, "pip-uncached-pypi", pypi_only)
    figures["pip_fill"] = clone_and_serve(tmp, "pip-fill", clean_env())  # fills pip's cache if it was empty
    figures["pip_warm"] = clone_and_serve(tmp, "pip-warm", clean_env())
    uv = uv_binary() if with_uv else None
    if uv:
        figures["uv_uncached"] = clone_and_serve(tmp, "uv-uncached", clean_env(UV_NO_CACHE="1"), uv)
        clone_and_serve(tmp, "uv-fill", clean_env(), uv)
        figures["uv_warm"] = clone_and_serve(tmp, "uv-warm", clean_env(), uv)
    else:
        figures["uv"] = "skipped: uv could not be installed"
    return figures
