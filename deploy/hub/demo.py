"""Een demonstratie-hub van de cursus op deze computer (127.0.0.1), met echte OS-gebruikers.

Draai als root, op een test- of demonstratiemachine:

    sudo .venv/bin/python deploy/hub/demo.py [--map /opt/veerkracht-demo] [--poort 8000]

Het script bouwt de omgevingen voor deelnemers en trainers (deploy/build_prefix.sh, de eerste keer een paar
minuten), installeert configurable-http-proxy met npm, maakt de groepen demo-deelnemers en demo-trainers met de
gebruikers demo-deelnemer1, demo-deelnemer2 en demo-trainer (en demo-nakijker, de eigenaar van de cursusmap), zet
module a klaar om op te halen en start JupyterHub op http://127.0.0.1:POORT. Het wachtwoord staat op het scherm.
Met Ctrl+C stopt de hub en verdwijnen de gebruikers en hun mappen weer (met --bewaar blijven ze).
``--opruimen`` verwijdert gebruikers van een eerdere demonstratie die niet netjes stopte.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import localhub

NAME = "demo"
ASSIGNMENT = "a_democratische_vorming"


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", default="/opt/veerkracht-demo", help="map voor de omgevingen en de cursusmap")
    parser.add_argument("--poort", type=int, default=8000, help="poort van de hub op 127.0.0.1")
    parser.add_argument("--bewaar", action="store_true", help="gebruikers en mappen na afloop laten staan")
    parser.add_argument("--opruimen", action="store_true", help="alleen de demo-gebruikers verwijderen")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("Draai dit script als root: het maakt echte gebruikers aan (useradd).", file=sys.stderr)
        return 2
    accounts = localhub.Accounts(
        learners_group=f"{NAME}-deelnemers",
        trainers_group=f"{NAME}-trainers",
        grader=f"{NAME}-nakijker",
        learners=[f"{NAME}-deelnemer1", f"{NAME}-deelnemer2"],
        trainers=[f"{NAME}-trainer"],
        password="",
    )
    if args.opruimen:
        accounts.remove()
        print("De demo-gebruikers en hun mappen zijn verwijderd.")
        return 0
    folder = Path(args.map)
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    for role in ("learner", "trainer"):
        if not (folder / role / "bin" / "python").exists():
            print(f"Omgeving bouwen: {folder / role} ...", flush=True)
            localhub.build_prefix(folder / role, role)
    localhub.install_proxy()
    password = secrets.token_urlsafe(9)
    try:
        accounts = localhub.Accounts.create(NAME, password)
    except RuntimeError as exc:
        print(f"{exc}\nStaan er nog gebruikers van een eerdere demonstratie? Draai dan eerst --opruimen.")
        return 1
    hub = None
    try:
        run = folder / f"run-{secrets.token_hex(3)}"
        run.mkdir(mode=0o755)
        course = localhub.Course.create(run, accounts, folder / "trainer", "veerkracht-demo")
        course.release(ASSIGNMENT)
        settings = localhub.hub_settings(
            port=args.poort,
            internal_port=args.poort + 81,
            proxy_api_port=args.poort + 1,
            formgrader_port=args.poort + 10,
            data=run / "hub",
            accounts=accounts,
            learner_prefix=folder / "learner",
            course=course,
        )
        hub = localhub.start_hub(settings)
        print(f"\nDe hub draait: {hub.url}/hub/login")
        print(f"  deelnemers: {', '.join(accounts.learners)}")
        print(f"  trainer:    {', '.join(accounts.trainers)} (formgrader: {hub.url}/services/formgrader/)")
        print(f"  wachtwoord: {password}")
        print(f"  cursusmap:  {course.path} (van {course.grader}); logboek: {hub.log}")
        print("Stoppen: Ctrl+C.", flush=True)
        signal.signal(signal.SIGTERM, _interrupt)
        hub.proc.wait()
    except KeyboardInterrupt:
        pass
    finally:
        if hub is not None:
            hub.stop()
        if not args.bewaar:
            accounts.remove()
            print("De hub is gestopt; de demo-gebruikers zijn verwijderd.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
