"""Search with Elasticsearch 8 through elasticsearch.dsl: Dutch analysis, synonyms, compounds, typo tolerance.

The knowledge base has an index of its own behind an alias. A rebuild fills a new index and then moves the alias
in one atomic step, so search keeps answering while it runs. Every failure to reach or use the cluster becomes
``SearchUnavailable``, which makes the service answer from the database instead.
"""

import time

from django.utils.html import escape
from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch.dsl import Q, Search

from .. import analysis, spelling
from ..concepts import expansion_terms, match_concepts
from ..facets import FACETS, TYPE_WEIGHTS
from ..snippets import whole_word_marks
from .base import SearchBackend, SearchHit, SearchResults, SearchUnavailable

DUTCH_TEXT = {"type": "text", "analyzer": "dutch_index", "search_analyzer": "dutch_search"}
# Highlighted fields keep their offsets in the index, so snippets come from the postings instead of analysing the
# whole text again per hit (which cost ~700 ms a query with the decompounder, measured on 10,000 practices).
HIGHLIGHTED_TEXT = {**DUTCH_TEXT, "index_options": "offsets"}

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "integer"},
        "type": {"type": "keyword"},
        "title": {
            **DUTCH_TEXT,
            "fields": {
                "raw": {"type": "keyword"},
                "autocomplete": {
                    "type": "text",
                    "analyzer": "autocomplete_index",
                    "search_analyzer": "autocomplete_search",
                },
                "plain": {"type": "text", "analyzer": "autocomplete_search"},
            },
        },
        "url": {"type": "keyword", "index": False},
        "region": {"type": "keyword"},
        "initiative": {"type": "keyword"},
        "region_title": {"type": "keyword", "index": False},
        "initiative_title": {"type": "keyword", "index": False},
        "themes": {"type": "keyword"},
        "factors": {"type": "keyword"},
        "tags": {"type": "keyword"},
        "tag_names": {"type": "keyword", "index": False},
        "disciplines": {"type": "keyword"},
        "summary": {**HIGHLIGHTED_TEXT, "fields": {"plain": {"type": "text", "analyzer": "autocomplete_search"}}},
        "text": HIGHLIGHTED_TEXT,
        "keywords": {**HIGHLIGHTED_TEXT, "fields": {"plain": {"type": "text", "analyzer": "autocomplete_search"}}},
        "published_at": {"type": "date"},
    },
}

# Field → weight. The title and the curated keywords (themes, factors, places) say most about what a page is.
TEXT_FIELDS = ["title^4", "keywords^3", "summary^2", "text"]
# Where a page says what it is about. A compound's parts and a concept's search terms are looked for here only: in
# the body text the parts of one compound are mostly common words found everywhere ("scheiding"), which made a
# compound query match most of the corpus.
ABOUT_FIELDS = ["title^4", "keywords^3", "summary^2"]
# A hit shows neither its body text nor its keyword list (its snippet comes from the highlighter): left on the node.
FIELDS_NOT_SHOWN = ["text", "keywords"]
# Typos are matched on the unstemmed, unsynonymised words: fuzzy matching and synonym graphs do not mix.
FUZZY_FIELDS = ["title.plain^2", "keywords.plain^2", "summary.plain"]
# Seconds a rebuild waits for the node to refresh and merge a new index (searches wait a few seconds at most).
REBUILD_TIMEOUT = 600
# How many of the best matches are rescored (phrase, page type): as many as the largest page the API serves.
RESCORE_WINDOW = 100
# Every facet is a keyword field of the same name as the document field the registry declares.
FILTER_FIELDS = {facet.name: facet.field for facet in FACETS}
# The score of carrying a concept the question names, times how much of the question it accounts for: more than
# any text match scores (the best reach a few hundred), so the pages carrying it come first, in their text order.
# And the weight of the concept's search terms against the words typed.
CONCEPT_BOOST = 1000.0
EXPANSION_BOOST = 0.3
# An export reads every hit in pages of this many, through a point in time (a consistent view of the index).
EXPORT_PAGE_SIZE = 500
EXPORT_KEEP_ALIVE = "1m"


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, url, index_name="netwerk-kennisbank", timeout=3.0):
        self.alias = index_name
        # No retries: when the node is down the database answers at once instead of after a long wait.
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)

    # --- answering ---------------------------------------------------------------------------------------

    def search(self, query):
        """One round trip, two searches that the node runs side by side.

        The hits search ranks only as far as the requested page needs: with the filters inside the query and no
        total to count, Lucene skips documents that cannot reach the page. The counts search scores nothing: it
        counts every match and computes the facets. At 100,000 practices a single search doing both spent most of
        its time scoring matches that only the counts needed (measured in the README's benchmark section).
        """
        unknown_words = self.unknown_words(query.text) if query.text else []
        concepts = self.concepts(query.text, unknown_words) if query.text else []
        matches = self.match_query(query.text, unknown_words, concepts) if query.text else Q("match_all")
        filters = {facet: self.filter_clause(facet, values) for facet, values in query.filters.items()}
        hits = (
            Search(index=self.alias)
            .query(Q("bool", must=[matches], filter=list(filters.values())))
            .extra(track_total_hits=False)
            .source(excludes=FIELDS_NOT_SHOWN)
        )
        hits = (
            self.ranked(hits, query.text, query.filters.get("type", ())) if query.text else self.most_recent_first(hits)
        )
        counts = self.counted(Search(index=self.alias).query(Q("constant_score", filter=matches)), filters)
        hits_response, counts_response = self._execute_together(hits[query.offset : query.offset + query.limit], counts)
        counts_by_facet = self.counts_by_facet(counts_response["aggregations"])
        return SearchResults(
            query=query.text,
            backend=self.name,
            count=counts_response["hits"]["total"]["value"],
            hits=[self.hit(hit) for hit in hits_response["hits"]["hits"]],
            facets=self.labelled_facets(counts_by_facet, query),
            approximate=bool(unknown_words),
            concepts=concepts,
        )

    def all_hits(self, query):
        """Every hit, however many, through a point in time: Elasticsearch pages no deeper than 10,000 hits.

        Hits come in relevance order (newest first without words) but without the phrase and page-type rescoring
        of ``search``, which Elasticsearch cannot combine with the sort that paging by ``search_after`` needs.
        """
        unknown_words = self.unknown_words(query.text) if query.text else []
        concepts = self.concepts(query.text, unknown_words) if query.text else []
        matches = self.match_query(query.text, unknown_words, concepts) if query.text else Q("match_all")
        filters = [self.filter_clause(facet, values) for facet, values in query.filters.items()]
        order = [{"_score": "desc"}] if query.text else [{"published_at": "desc"}, {"title.raw": "asc"}]
        try:
            point_in_time = self.client.open_point_in_time(index=self.alias, keep_alive=EXPORT_KEEP_ALIVE)["id"]
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error
        try:
            search_after = None
            while True:
                body = {
                    "query": Q("bool", must=[matches], filter=filters).to_dict(),
                    "size": EXPORT_PAGE_SIZE,
                    # _shard_doc breaks ties, so every hit comes exactly once.
                    "sort": [*order, {"_shard_doc": "asc"}],
                    "pit": {"id": point_in_time, "keep_alive": EXPORT_KEEP_ALIVE},
                    "_source": {"excludes": FIELDS_NOT_SHOWN},
                    "track_total_hits": False,
                }
                if search_after is not None:
                    body["search_after"] = search_after
                try:
                    response = self.client.search(body=body)
                except (TransportError, ApiError) as error:
                    raise SearchUnavailable(str(error)) from error
                hits = response["hits"]["hits"]
                if not hits:
                    return
                point_in_time = response.get("pit_id", point_in_time)
                search_after = hits[-1]["sort"]
                yield from (self.hit(hit) for hit in hits)
        finally:
            try:
                self.client.close_point_in_time(id=point_in_time)
            except (TransportError, ApiError):
                pass  # it expires on its own after EXPORT_KEEP_ALIVE

    @staticmethod
    def concepts(text, unknown_words):
        """The concepts the question names, its typos read as the vocabulary words they most resemble."""
        corrections = [spelling.closest_known_word(word) for word in unknown_words]
        return match_concepts(" ".join([text, *(word for word in corrections if word)]))

    @staticmethod
    def match_query(text, unknown_words=(), concepts=()):
        """Which documents the words find. Phrases and page types only reorder the best of them (see ``ranked``).

        A concept the question names (search/concepts.py) finds the documents carrying it, with a constant score
        that puts them above the pages that merely mention the words, and brings its search terms along as weaker
        words.
        """
        clauses = [Q("multi_match", query=text, fields=TEXT_FIELDS, type="most_fields")]
        for match in concepts:
            carried = [Q("terms", **{FILTER_FIELDS[facet]: list(slugs)}) for facet, slugs in match.concept.carried_by()]
            clauses.append(Q("constant_score", filter=Q("bool", should=carried), boost=CONCEPT_BOOST * match.weight))
        for term in expansion_terms(concepts):
            clauses.append(Q("multi_match", query=term, fields=ABOUT_FIELDS, type="phrase", boost=EXPANSION_BOOST))
        if analysis.decompounder_finds_parts(text):
            # The search analyzer keeps compounds whole (a decompounder would break multi-word synonyms), so this
            # clause reads the query with the index analyzer: "vechtscheidingsproblematiek" → its parts. For a
            # query without compounds it would repeat the clause above, so it is left out.
            clauses.append(Q("multi_match", query=text, fields=ABOUT_FIELDS, analyzer="dutch_index", boost=0.5))
        if unknown_words:
            clauses.append(
                Q(
                    "multi_match",
                    query=" ".join(unknown_words),
                    fields=FUZZY_FIELDS,
                    fuzziness="AUTO",
                    prefix_length=1,
                    max_expansions=20,
                    boost=0.3,
                )
            )
        return Q("bool", should=clauses, minimum_should_match=1)

    def unknown_words(self, text):
        """The words of ``text`` that no title, summary or keyword list holds as typed: likely typos.

        Only these are matched fuzzily. A fuzzy clause on a word the index knows finds its common neighbours
        ("wijkteams", "buurtteam") and cost a quarter of the query time at 100,000 practices; the word itself, its
        stem and its synonyms are found by the other clauses. Words of the platform's vocabulary (themes, factors,
        places, synonyms, compounds) and words too short to correct (as on the database side) are taken as known;
        one small request reads the index's term statistics for the rest.
        """
        vocabulary = spelling.known_words()
        doubtful = [
            word for word in analysis.tokenize(text) if len(word) >= spelling.MIN_WORD_LENGTH and word not in vocabulary
        ]
        if not doubtful:
            return []
        fields = [field.split("^")[0] for field in FUZZY_FIELDS]
        try:
            response = self.client.termvectors(
                index=self.alias,
                doc={field.split(".")[0]: " ".join(doubtful) for field in fields},
                fields=fields,
                term_statistics=True,
                field_statistics=False,
                positions=False,
                offsets=False,
            )
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error
        words, known = {}, set()
        for vector in response["term_vectors"].values():
            for word, statistics in vector["terms"].items():
                words[word] = None
                if statistics.get("doc_freq"):
                    known.add(word)
        return [word for word in words if word not in known]

    @staticmethod
    def ranked(search, text, types=()):
        """Rescore the best matches: several words found as a phrase count double, then each type gets its weight.

        Rescoring a window instead of every match keeps the costly phrase matching to a hundred documents; pages
        beyond the window keep their plain order, the same on every request, so paging stays stable. Without a
        rescorer the node collects only the requested page, so none is added that cannot change the order.
        """
        rescore = []
        if len(analysis.tokenize(text)) > 1:
            # One word is no phrase: its multi-word synonyms are already matched as phrases by the first clause.
            phrase = Q("multi_match", query=text, fields=TEXT_FIELDS, type="phrase")
            rescore.append(
                {"window_size": RESCORE_WINDOW, "query": {"rescore_query": phrase.to_dict(), "rescore_query_weight": 2}}
            )
        if len(types) != 1:
            # When the reader asked for one type of page, every hit has the same weight.
            weights = [{"filter": {"term": {"type": kind}}, "weight": weight} for kind, weight in TYPE_WEIGHTS.items()]
            type_weight = Q("function_score", functions=weights, score_mode="first", boost_mode="replace")
            rescore.append(
                {
                    "window_size": RESCORE_WINDOW,
                    "query": {"rescore_query": type_weight.to_dict(), "score_mode": "multiply"},
                }
            )
        # Snippets highlight the plain matches only: with the phrase and fuzzy clauses the highlighter would
        # re-analyse each hit's text (about a second a query on a loaded machine, against a few milliseconds).
        highlight_query = Q("multi_match", query=text, fields=["summary", "text", "keywords"])
        if rescore:
            search = search.extra(rescore=rescore)
        return search.highlight_options(
            highlight_query=highlight_query.to_dict(),
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            number_of_fragments=1,
            fragment_size=200,
            no_match_size=200,
        ).highlight("summary", "text", "keywords")

    @staticmethod
    def most_recent_first(search):
        return search.sort({"published_at": {"order": "desc"}}, {"title.raw": {"order": "asc"}})

    def counted(self, search, filters):
        """The total under every filter, and per facet the counts under every filter but its own.

        post_filter narrows the total but not the aggregations, so a reader can widen a facet by ticking another
        value of it and see beforehand how many results that gives. Facets that ignore the same filters share one
        filter aggregation: each one is a pass over every match (a quarter of the counting time at 100,000).
        """
        search = search.extra(size=0, track_total_hits=True)
        if filters:
            search = search.post_filter(Q("bool", filter=list(filters.values())))
        facets_by_filters = {}
        for facet in self.counted_facets:
            facets_by_filters.setdefault(tuple(name for name in filters if name != facet.name), []).append(facet.name)
        for number, (applied, facets) in enumerate(facets_by_filters.items()):
            group = search.aggs
            if applied:
                group = group.bucket(
                    f"under-filters-{number}", "filter", Q("bool", filter=[filters[name] for name in applied])
                )
            for facet in facets:
                group.bucket(facet, "terms", field=FILTER_FIELDS[facet], size=100)
        return search

    @staticmethod
    def counts_by_facet(aggregations):
        """Facet → value → count from the aggregations ``counted`` asked for (a facet sits at the top or in a group)."""
        buckets_by_facet = {}
        for name, result in aggregations.items():
            if "buckets" in result:
                buckets_by_facet[name] = result["buckets"]
            else:
                buckets_by_facet.update(
                    {facet: terms["buckets"] for facet, terms in result.items() if facet != "doc_count"}
                )
        return {
            facet: {
                bucket["key"]: bucket["doc_count"]
                for bucket in buckets
                if bucket["key"] and bucket["doc_count"]  # "": national findings have no region or initiative
            }
            for facet, buckets in buckets_by_facet.items()
        }

    @staticmethod
    def filter_clause(facet, values):
        return Q("terms", **{FILTER_FIELDS[facet]: list(values)})

    @staticmethod
    def hit(hit):
        """A hit of the raw response (plain dicts: wrapping them in elasticsearch.dsl objects cost milliseconds)."""
        source = hit["_source"]
        highlight = hit.get("highlight", {})
        snippet = ""
        for name in ("summary", "text", "keywords"):
            fragments = highlight.get(name)
            if fragments and ("<mark>" in fragments[0] or not snippet):
                snippet = fragments[0]
                if "<mark>" in snippet:
                    break
        snippet = whole_word_marks(snippet) if snippet else escape(source.get("summary", "")[:200])
        return SearchHit(
            id=source["id"],
            type=source["type"],
            title=source["title"],
            url=source["url"],
            initiative=source.get("initiative") or None,
            region=source.get("region") or None,
            initiative_title=source.get("initiative_title", ""),
            region_title=source.get("region_title", ""),
            themes=source.get("themes", []),
            factors=source.get("factors", []),
            tags=source.get("tag_names", []),
            snippet=snippet,
            score=round(float(hit.get("_score") or 0.0), 4),
        )

    def suggest(self, prefix, limit=8):
        search = (
            Search(using=self.client, index=self.alias)
            .query("match", **{"title.autocomplete": {"query": prefix, "operator": "and"}})
            .source(["title", "url", "type"])[:limit]
        )
        return [{"title": hit.title, "url": hit.url, "type": hit.type} for hit in self._execute(search)]

    def _execute(self, search):
        try:
            return search.execute()
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error

    def _execute_together(self, *searches):
        """Run the searches in one request; their raw responses, in order."""
        body = []
        for search in searches:
            body += [{}, search.to_dict()]
        try:
            responses = self.client.msearch(index=self.alias, searches=body)["responses"]
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error
        for response in responses:
            if "error" in response:
                raise SearchUnavailable(str(response["error"]))
        return responses

    # --- keeping current ---------------------------------------------------------------------------------

    def index_body(self):
        return {
            "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                "analysis": analysis.index_analysis_settings(),
            },
            "mappings": MAPPING,
        }

    def ensure_index(self):
        """Create a first index behind the alias if there is none yet."""
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                name = self._new_index_name()
                self.client.indices.create(index=name, body=self.index_body())
                self.client.indices.put_alias(index=name, name=self.alias)
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error

    def index_documents(self, documents):
        self.ensure_index()
        self._bulk(self.alias, documents, refresh=True)

    def remove_documents(self, page_ids):
        actions = [{"_op_type": "delete", "_index": self.alias, "_id": page_id} for page_id in page_ids]
        try:
            helpers.bulk(self.client, actions, raise_on_error=False, refresh=True)
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error

    def rebuild(self, documents):
        """Fill a new index, then point the alias at it in one step and drop the old ones."""
        try:
            name = self._new_index_name()
            body = self.index_body()
            # No refreshes while filling: one segment per refresh would leave dozens of small segments to search.
            body["settings"]["refresh_interval"] = "-1"
            self.client.indices.create(index=name, body=body)
            self._bulk(name, documents, refresh=False)
            self.client.indices.put_settings(index=name, settings={"refresh_interval": None})
            # Nobody searches the new index yet: merge it into one segment now, so the first searches after the
            # swap do not compete with background merges (at 100,000 practices they took twice as long). Merging
            # takes longer than a search may wait.
            patient = self.client.options(request_timeout=REBUILD_TIMEOUT)
            patient.indices.refresh(index=name)
            patient.indices.forcemerge(index=name, max_num_segments=1)
            old = (
                list(self.client.indices.get_alias(name=self.alias).keys())
                if self.client.indices.exists_alias(name=self.alias)
                else []
            )
            if self.client.indices.exists(index=self.alias) and not old:
                # A concrete index squatting the alias's name (from an older setup) must make way.
                self.client.indices.delete(index=self.alias)
            actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
            actions.append({"add": {"index": name, "alias": self.alias}})
            self.client.indices.update_aliases(actions=actions)
            for index in old:
                self.client.indices.delete(index=index)
        except (TransportError, ApiError) as error:
            raise SearchUnavailable(str(error)) from error
        return name

    def _bulk(self, index, documents, refresh):
        actions = (
            {"_index": index, "_id": document["id"], "_source": self._source(document)} for document in documents
        )
        try:
            helpers.bulk(self.client, actions, chunk_size=500, refresh=refresh)
        except (TransportError, ApiError, helpers.BulkIndexError) as error:
            raise SearchUnavailable(str(error)) from error

    @staticmethod
    def _source(document):
        source = {key: value for key, value in document.items() if key in MAPPING["properties"]}
        source["published_at"] = document["published_at"].isoformat() if document["published_at"] else None
        return source

    def _new_index_name(self):
        return f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 1_000_000:06d}"
