"""The OpenAPI 3 description of the public JSON APIs, served at /api/v1/schema/.

It covers the search API (/api/v1/search/ and its suggest endpoint, whose parameters are read in
``search.query.parse_search_query`` and ``search.views``) and the read-only API v2 endpoints of ``opendata.api``.
It is what a client needs to call them, and what the schema-driven fuzzer (Schemathesis, see the README) generates
its requests from: every documented limit is one the views enforce with a 400.
"""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from search.facets import FACETS, PAGE_TYPES
from search.query import BACKEND_CHOICES, MAX_LIMIT, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW

from .api import MAX_ID, MAX_OFFSET, MAX_SEARCH_LENGTH

JSON = "application/json"
API_V2_LIMIT = 100  # WAGTAILAPI_LIMIT_MAX


def _error(description, key):
    return {
        "description": description,
        "content": {
            JSON: {
                "schema": {"type": "object", "required": [key], "properties": {key: {"type": "string"}}},
            }
        },
    }


def _query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


SLUGS = {"type": "string", "maxLength": 200}
# The search API's filters are the facet registry's (search/facets.py); the page types are its page types.
FILTERS = [
    _query(
        facet.name,
        SLUGS,
        f"{facet.label}: slugs, comma-separated or repeated (OR within, AND across filters)."
        + (f" Waarden: {', '.join(page_type.name for page_type in PAGE_TYPES)}." if facet.name == "type" else ""),
    )
    for facet in FACETS
]

SEARCH_RESULT = {
    "type": "object",
    "required": ["type", "title", "url"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "snippet": {"type": "string"},
        "themes": {"type": "array"},
        "factors": {"type": "array"},
        "tags": {"type": "array"},
        "promoted": {"type": "boolean", "description": "Door de redactie aanbevolen voor deze vraag."},
    },
}

CONCEPT = {
    "type": "object",
    "required": ["facet", "value", "label"],
    "properties": {"facet": {"type": "string"}, "value": {"type": "string"}, "label": {"type": "string"}},
}

SEARCH = {
    "get": {
        "operationId": "search",
        "summary": "Zoeken in praktijken, initiatieven, nieuws en regio's",
        "parameters": [
            _query("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "De zoekvraag; zonder: nieuwste eerst."),
            *FILTERS,
            _query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}, "Aantal resultaten."),
            # offset + limit stay within the result window: a deeper offset with a large limit is a 400.
            _query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_RESULT_WINDOW - 1}, "Vanaf resultaat."),
            _query("backend", {"type": "string", "enum": list(BACKEND_CHOICES)}, "Welke zoekmachine."),
        ],
        "responses": {
            "200": {
                "description": "De resultaten met facetten.",
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["query", "backend", "count", "results", "facets"],
                            "properties": {
                                "query": {"type": "string"},
                                "backend": {"type": "string"},
                                "count": {"type": "integer", "minimum": 0},
                                "results": {"type": "array", "items": SEARCH_RESULT},
                                "facets": {"type": "object"},
                                "concepts": {
                                    "type": "array",
                                    "items": CONCEPT,
                                    "description": "Thema's, factoren, initiatieven en plaatsen die de vraag noemt.",
                                },
                            },
                        }
                    }
                },
            },
            "400": _error("Een parameter klopt niet; de reden staat in het Nederlands in `error`.", "error"),
        },
    }
}

SUGGEST = {
    "get": {
        "operationId": "suggest",
        "summary": "Titels die beginnen met wat de lezer typte",
        "parameters": [_query("q", {"type": "string", "maxLength": 100}, "Het begin van een titel.")],
        "responses": {
            "200": {
                "description": "Voorstellen.",
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["query", "suggestions"],
                            "properties": {"query": {"type": "string"}, "suggestions": {"type": "array"}},
                        }
                    }
                },
            },
            "400": _error("De invoer is te lang.", "error"),
        },
    }
}

LISTING_PARAMETERS = [
    _query("limit", {"type": "integer", "minimum": 0, "maximum": API_V2_LIMIT}, "Aantal items."),
    _query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}, "Vanaf item."),
    _query("search", {"type": "string", "maxLength": MAX_SEARCH_LENGTH}, "Zoeken op woorden (hoogstens 20)."),
    _query("search_operator", {"type": "string", "enum": ["and", "or"]}, "Alle woorden (and) of een (or)."),
    _query("order", {"type": "string", "maxLength": 100}, "Sorteren op een veld, bijvoorbeeld -id."),
    _query("fields", {"type": "string", "maxLength": 200}, "Extra velden, komma-gescheiden."),
]
PAGING = ("limit", "offset", "fields")
PAGE_PARAMETERS = [_query("type", {"type": "string", "maxLength": 100}, "Paginatype, bijvoorbeeld network.RegionPage.")]

LISTING = {
    "type": "object",
    "required": ["meta", "items"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["total_count"],
            "properties": {"total_count": {"type": "integer", "minimum": 0}},
        },
        "items": {"type": "array", "items": {"type": "object", "required": ["id"]}},
    },
}
ITEM = {"type": "object", "required": ["id", "meta"], "properties": {"id": {"type": "integer"}}}


def _api_v2(name, summary, extra_parameters=(), searchable=True):
    # The vocabularies (themes, factors) are short lists without search or ordering.
    parameters = LISTING_PARAMETERS if searchable else [p for p in LISTING_PARAMETERS if p["name"] in PAGING]
    listing = {
        "get": {
            "operationId": f"{name}_listing",
            "summary": summary,
            "parameters": [*parameters, *extra_parameters],
            "responses": {
                "200": {"description": "Een pagina items.", "content": {JSON: {"schema": LISTING}}},
                "400": _error("Een parameter klopt niet; de reden staat in `message`.", "message"),
            },
        }
    }
    detail = {
        "get": {
            "operationId": f"{name}_detail",
            "summary": f"{summary}: één item",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                }
            ],
            "responses": {
                "200": {"description": "Het item.", "content": {JSON: {"schema": ITEM}}},
                "404": {
                    **_error("Dit item bestaat niet of is niet openbaar.", "message"),
                    # An id that is not a number matches no URL: Django's own (Dutch) 404 page.
                    "content": {**_error("", "message")["content"], "text/html": {"schema": {"type": "string"}}},
                },
            },
        }
    }
    return {f"/api/v2/{name}/": listing, f"/api/v2/{name}/{{id}}/": detail}


def openapi_document():
    paths = {"/api/v1/search/": SEARCH, "/api/v1/search/suggest/": SUGGEST}
    paths.update(_api_v2("pages", "Live, openbare pagina's", PAGE_PARAMETERS))
    paths.update(_api_v2("regions", "Regio's", PAGE_PARAMETERS))
    paths.update(_api_v2("images", "Afbeeldingen die een gepubliceerde pagina gebruikt"))
    paths.update(_api_v2("documents", "Documenten die een gepubliceerde pagina gebruikt"))
    paths.update(_api_v2("themes", "Thema's", searchable=False))
    paths.update(_api_v2("factors", "Factoren", searchable=False))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Netwerk Complexe Scheidingen: open data",
            "version": "1",
            "description": "Zoeken (v1) en de alleen-lezen API v2 van het platform. Foute invoer is een 400 met "
            "een bericht in het Nederlands, nooit een serverfout.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
    }


@csrf_exempt
@require_GET
def openapi_schema(request):
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
