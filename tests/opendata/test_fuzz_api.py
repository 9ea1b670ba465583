"""Schemathesis, a fuzzer no one here wrote, against a real server: every operation of the OpenAPI description at
/api/v1/schema/, with all its checks (no server error, responses as documented, bad input refused, wrong methods
a 405, nothing slower than 2 s).

The run is bounded and seeded so CI sees the same requests every time: the coverage phase (boundary values of
every parameter, valid and invalid) and a fuzzing phase of FUZZ_EXAMPLES generated requests per operation. It runs
in both the SQLite and the PostgreSQL run of `make test`; `make fuzz` runs it alone, `FUZZ_EXAMPLES` and
`FUZZ_SEED` change its size and seed.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services.live_server import REPO_ROOT, django_server, server_database_url

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
FUZZ_SEED = int(os.environ.get("FUZZ_SEED", "15"))
SCHEMATHESIS = Path(sys.executable).with_name("st")


@pytest.mark.fuzz
@pytest.mark.django_db
def test_the_public_apis_survive_schemathesis(tmp_path):
    with django_server(server_database_url(tmp_path), tmp_path / "server.log") as url:
        started = time.monotonic()
        result = subprocess.run(  # noqa: S603 - the fuzzer installed from requirements.txt, fixed arguments
            [
                str(SCHEMATHESIS),
                "run",
                f"{url}/api/v1/schema/",
                "--checks",
                "all",
                "--phases",
                "coverage,fuzzing",
                "--max-examples",
                str(FUZZ_EXAMPLES),
                "--seed",
                str(FUZZ_SEED),
                "--max-response-time",
                "2",
                "--generation-database",
                "none",  # the same requests on every machine: nothing carried over from an earlier run
                "--workers",
                "2",
                "--no-color",
            ],
            cwd=REPO_ROOT,  # schemathesis.toml
            capture_output=True,
            text=True,
            timeout=600,
        )
        elapsed = time.monotonic() - started
    cases = next((line.strip() for line in result.stdout.splitlines() if " generated" in line), "no test cases")
    print(f"Schemathesis: {cases} in {elapsed:.0f} s (seed {FUZZ_SEED}, {FUZZ_EXAMPLES} examples per operation)")
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
