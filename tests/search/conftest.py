"""A throw-away Elasticsearch node for the tests that need one.

The node is started with the same script developers use (search/elasticsearch-node.sh), in its own
state folder (var/elasticsearch-test) and on a free port, so it never collides with a developer's node
on 9200. Its data is wiped at the start of every session; the unpacked distribution and the installed
plugin are reused, so only the first session pays for downloading and building them.

- ELASTICSEARCH_TEST_URL=http://host:port: use that node instead of starting one.
- Outside CI, without java or mvn the tests that use the node are skipped, saying why.
- With CI=true a node that cannot be started fails those tests (with the script's output).

The node fixtures need no Django; ``elasticsearch_backend`` and ``service_with_elasticsearch`` put the loaded
network into the node for the search tests.
"""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_SCRIPT = REPO_ROOT / "search" / "elasticsearch-node.sh"
# The first start downloads Elasticsearch (about 100 MB) and Maven plugins, and builds the analysis plugin.
UP_TIMEOUT_S = 1200
DOWN_TIMEOUT_S = 120


def _in_ci():
    return os.environ.get("CI", "").lower() == "true"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _missing_tools():
    """The tools the node script needs, as it looks for them."""
    missing = []
    java_homes = [os.environ.get("ES_JAVA_HOME"), os.environ.get("JAVA_HOME"), "/usr/lib/jvm/java-17-openjdk-amd64"]
    if not any(home and Path(home, "bin", "java").exists() for home in java_homes) and not shutil.which("java"):
        missing.append("java (a JDK 17+; set ES_JAVA_HOME or JAVA_HOME)")
    if not shutil.which("mvn"):
        missing.append("mvn (Maven)")
    return missing


def _state_dir():
    # pytest-xdist workers each get their own node.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return REPO_ROOT / "var" / ("elasticsearch-test" + (f"-{worker}" if worker else ""))


def _run_script(command, env, timeout):
    return subprocess.run(
        ["bash", str(NODE_SCRIPT), command],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _start_failed(message):
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def elasticsearch_url():
    """Base URL (no trailing slash) of a running Elasticsearch 8.19 node with the project's analysis plugin."""
    external = os.environ.get("ELASTICSEARCH_TEST_URL")
    if external:
        yield external.rstrip("/")
        return

    missing = _missing_tools()
    if missing:
        reason = "an Elasticsearch test node needs " + " and ".join(missing)
        if _in_ci():
            _start_failed(reason)
        pytest.skip(reason)

    state_dir = _state_dir()
    env = {**os.environ, "ES_STATE_DIR": str(state_dir), "ES_PORT": str(_free_port())}
    # A node left running by an interrupted session would hold the old data: stop it, then start afresh.
    _run_script("down", env, DOWN_TIMEOUT_S)
    for folder in ("data", "logs"):
        shutil.rmtree(state_dir / folder, ignore_errors=True)

    try:
        result = _run_script("up", env, UP_TIMEOUT_S)
    except subprocess.TimeoutExpired as timeout:
        _run_script("down", env, DOWN_TIMEOUT_S)
        _start_failed(f"search/elasticsearch-node.sh up did not finish within {UP_TIMEOUT_S}s:\n{timeout.stderr or ''}")
    urls = [line.split("=", 1)[1] for line in result.stdout.splitlines() if line.startswith("ELASTICSEARCH_URL=")]
    if result.returncode != 0 or not urls:
        _run_script("down", env, DOWN_TIMEOUT_S)
        _start_failed(
            f"the Elasticsearch test node did not start (search/elasticsearch-node.sh up exited {result.returncode}):\n"
            f"{result.stderr}{result.stdout}"
        )
    try:
        yield urls[-1]
    finally:
        _run_script("down", env, DOWN_TIMEOUT_S)


@pytest.fixture(scope="session")
def elasticsearch_client(elasticsearch_url):
    """The official Python client connected to the test node."""
    elasticsearch = pytest.importorskip("elasticsearch")
    client = elasticsearch.Elasticsearch(elasticsearch_url, request_timeout=30)
    yield client
    client.close()


TEST_INDEX = "test-kennisbank"


@pytest.fixture(scope="session")
def elasticsearch_backend(elasticsearch_url, django_db_setup, django_db_blocker):
    """The project's Elasticsearch backend on the test node, filled with the loaded network."""
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.indexing import all_documents

    backend = ElasticsearchBackend(elasticsearch_url, index_name=TEST_INDEX, timeout=30)
    with django_db_blocker.unblock():
        backend.rebuild(all_documents())
    return backend


@pytest.fixture
def service_with_elasticsearch(settings, elasticsearch_backend):
    """The site's own search service, switched to the test node, as ELASTICSEARCH_URL would switch it."""
    from search.service import search_service

    node = elasticsearch_backend.client.transport.node_pool.get().config
    settings.ELASTICSEARCH_URL = f"http://{node.host}:{node.port}"
    settings.ELASTICSEARCH_INDEX = TEST_INDEX
    search_service.cache_clear()
    yield search_service()
    search_service.cache_clear()


@pytest.fixture(params=["database", "elasticsearch"])
def service(request, db):
    """A search service on the database alone, and one that asks the test node first."""
    from search.backends.database import DatabaseBackend
    from search.service import SearchService

    if request.param == "database":
        return SearchService(DatabaseBackend())
    return SearchService(DatabaseBackend(), request.getfixturevalue("elasticsearch_backend"))


@pytest.fixture
def scratch_elasticsearch(settings, elasticsearch_url, db):
    """The site's own search service on an index of its own, for a test that changes what is indexed.

    The index is filled with the loaded network and deleted afterwards: the database rolls back after a test, the
    shared test index would not.
    """
    from search.backends.elasticsearch import ElasticsearchBackend
    from search.indexing import all_documents
    from search.service import search_service

    backend = ElasticsearchBackend(elasticsearch_url, index_name="test-scratch", timeout=30)
    backend.rebuild(all_documents())
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX = backend.alias
    search_service.cache_clear()
    yield search_service()
    search_service.cache_clear()
    for index in backend.client.indices.get_alias(name=backend.alias):
        backend.client.indices.delete(index=index)
