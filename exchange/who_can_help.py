"""“Wie kan u helpen?”: for an initiative (or the initiatives of a municipality's answer), which initiatives in
other regions describe a practice or lesson for the limiting factors and themes it names, or report a facilitating
factor that answers one of its limiting factors (``Factor.answered_by``, kept by the editors).

Computed from published data only, in two queries whatever the size of the network: one for what the asking
initiatives name (their limiting factors, the facilitating factors that answer them, and their themes), one for
the live, public practices and lessons in other regions that carry one of those factors or themes, each with the
initiative it sits under, and the live initiatives there that report an answering factor. Helpers are ranked by
how many of the needs they answer, then by how many practices and factors they offer; every match is explained.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from network.models import InitiativeFactor, InitiativePage
from practices.models import Factor, PracticePage

STEP = 4  # the length of one level of a Wagtail page path
LIMIT = 5


@dataclass
class Match:
    need: str
    asker: str
    practices: list = field(default_factory=list)  # (title, url, is_lesson)
    factors: list = field(default_factory=list)  # labels of the helper's facilitating factors that answer the need


@dataclass
class Helper:
    title: str
    slug: str
    region: str
    url: str
    matches: dict = field(default_factory=dict)  # need label -> Match
    theme_slug: str = ""

    @property
    def score(self):
        offered = sum(len(match.practices) + len(match.factors) for match in self.matches.values())
        return (len(self.matches), offered)

    def explanations(self):
        for match in self.matches.values():
            words = {"asker": match.asker, "need": match.need.lower(), "helper": self.title}
            if match.practices:
                titles = ", ".join(f"‘{title}’" for title, _url, _lesson in match.practices)
                yield _("%(asker)s noemt %(need)s; %(helper)s beschrijft daarover %(titles)s.") % {
                    **words,
                    "titles": titles,
                }
            if match.factors:
                factors = ", ".join(f"‘{label.lower()}’" for label in match.factors)
                yield _("%(asker)s noemt %(need)s; bij %(helper)s hielp %(factors)s.") % {**words, "factors": factors}


def _needs(initiatives):
    """(kind, id, label, slug, asker title) of each limiting factor and theme the initiatives name, and ("answer",
    id of a facilitating factor that answers a limiting one, that limiting factor's label and slug, asker): one
    query."""
    ids = [initiative.pk for initiative in initiatives]
    answers = (
        InitiativeFactor.objects.filter(
            page_id__in=ids, factor__kind=Factor.Kind.LIMITING, factor__answered_by__isnull=False
        )
        .order_by()
        .values_list(
            Value("answer", output_field=CharField()),
            "factor__answered_by",
            "factor__label",
            "factor__slug",
            "page__title",
        )
    )
    factors = (
        InitiativeFactor.objects.filter(page_id__in=ids, factor__kind=Factor.Kind.LIMITING)
        .order_by()
        .values_list(
            Value("factor", output_field=CharField()),
            "factor_id",
            "factor__label",
            "factor__slug",
            "page__title",
        )
    )
    through = InitiativePage.themes.through
    themes = (
        through.objects.filter(initiativepage_id__in=ids)
        .order_by()
        .values_list(
            Value("theme", output_field=CharField()),
            "theme_id",
            "theme__label",
            "theme__slug",
            "initiativepage__title",
        )
    )
    return list(factors.union(themes, answers, all=True))


def _ancestor(levels, column):
    """A column of the page ``levels`` steps above the practice (its initiative: 1, its region: 2), correlated."""
    path = OuterRef("practicepage__path")
    pages = InitiativePage.objects if levels == 1 else Page.objects  # a practice under a region has no initiative
    return Subquery(pages.filter(path=Substr(path, 1, Length(path) - STEP * levels)).values(column)[:1])


def _live_outside(model, region_paths):
    """Live, public pages of ``model`` outside the given regions. Wagtail's public() reads the restrictions in a
    query of its own; as a subquery it stays part of one query."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length(F("page__path"))))
    pages = model.objects.live().exclude(Exists(restricted))
    for region_path in region_paths:
        pages = pages.exclude(path__startswith=region_path)
    return pages


def _offers(factor_ids, theme_ids, answer_ids, region_paths):
    """Live, public practices outside the asking regions with one of these factors or themes, and live, public
    initiatives there that report one of the answering factors: one query."""
    columns = {
        "initiative_title": _ancestor(1, "title"),
        "initiative_slug": _ancestor(1, "slug"),
        "initiative_url_path": _ancestor(1, "url_path"),
        "region_title": _ancestor(2, "title"),
    }
    live = _live_outside(PracticePage, region_paths).order_by().values("pk")

    def rows(kind, through, need_field, need_ids):
        return (
            through.objects.filter(**{f"{need_field}__in": need_ids}, practicepage__in=live)
            .order_by()
            .annotate(kind=Value(kind, output_field=CharField()), need_id=F(need_field), **columns)
            .values_list(
                "kind",
                "need_id",
                "practicepage__title",
                "practicepage__url_path",
                "practicepage__kind",
                "initiative_title",
                "initiative_slug",
                "initiative_url_path",
                "region_title",
            )
        )

    factor_rows = rows("factor", PracticePage.factors.through, "factor_id", factor_ids)
    theme_rows = rows("theme", PracticePage.themes.through, "theme_id", theme_ids)
    # An initiative's own facilitating factor, in the same columns: its label stands where a practice's title does.
    live_initiatives = _live_outside(InitiativePage, region_paths)
    page_path = OuterRef("page__path")
    region_title = Subquery(
        Page.objects.filter(path=Substr(page_path, 1, Length(page_path) - STEP)).values("title")[:1]
    )
    answer_rows = (
        InitiativeFactor.objects.filter(factor_id__in=answer_ids, page__in=live_initiatives.order_by().values("pk"))
        .order_by()
        .annotate(kind=Value("answer", output_field=CharField()), need_id=F("factor_id"), region_title=region_title)
        .values_list(
            "kind",
            "need_id",
            "factor__label",
            "page__url_path",
            Value("", output_field=CharField()),
            "page__title",
            "page__slug",
            "page__url_path",
            "region_title",
        )
    )
    return list(factor_rows.union(theme_rows, answer_rows, all=True))


def who_can_help(initiatives, url_prefix, limit=LIMIT):
    """The ranked helpers for these (asking) initiatives; ``url_prefix`` is the site root's url_path ("/home/")."""
    initiatives = list(initiatives)
    if not initiatives:
        return []
    needs = _needs(initiatives)
    if not needs:
        return []
    labels = {}  # (kind, id) -> the needs it meets: (label, slug) of the limiting factor or theme
    askers = {}
    for kind, need_id, label, slug, asker in needs:
        if (label, slug) not in labels.setdefault((kind, need_id), []):
            labels[(kind, need_id)].append((label, slug))
        askers.setdefault((kind, need_id, label), []).append(asker)
    factor_ids = [need_id for kind, need_id in labels if kind == "factor"]
    theme_ids = [need_id for kind, need_id in labels if kind == "theme"]
    answer_ids = [need_id for kind, need_id in labels if kind == "answer"]
    region_paths = {initiative.path[:-STEP] for initiative in initiatives}
    asking = {initiative.title for initiative in initiatives}
    helpers = {}
    for kind, need_id, title, url_path, practice_kind, initiative, slug, initiative_path, region in _offers(
        factor_ids, theme_ids, answer_ids, region_paths
    ):
        if not initiative or initiative in asking or not initiative_path:
            continue  # a practice under a region or the network as a whole: nobody to ask for an exchange
        helper = helpers.get(slug)
        if helper is None:
            helper = helpers[slug] = Helper(initiative, slug, region or "", site_url_of(initiative_path, url_prefix))
        for label, need_slug in labels[(kind, need_id)]:
            match = helper.matches.get(label)
            if match is None:
                asker = " en ".join(sorted(set(askers[(kind, need_id, label)])))
                match = helper.matches[label] = Match(label, asker)
                if kind == "theme" and not helper.theme_slug:
                    helper.theme_slug = need_slug
            if kind == "answer":
                if title not in match.factors:
                    match.factors.append(title)
                continue
            entry = (title, site_url_of(url_path, url_prefix), practice_kind == PracticePage.Kind.LESSON)
            if entry not in match.practices:
                match.practices.append(entry)
    ranked = sorted(helpers.values(), key=lambda helper: (-helper.score[0], -helper.score[1], helper.title))
    for helper in ranked:
        helper.matches = dict(sorted(helper.matches.items()))
        for match in helper.matches.values():
            match.practices.sort()
            match.factors.sort()
    return ranked[:limit]


def site_url_of(url_path, prefix):
    """A page's address on the site from its ``url_path`` and the site root's (``url_prefix_of``), without a query."""
    if url_path and prefix and url_path.startswith(prefix):
        return "/" + url_path[len(prefix) :]
    return url_path or ""


def url_prefix_of(page):
    """The site root's url_path, from a page whose url and url_path are both known (no query)."""
    url = page.url or ""
    if url.startswith("/") and page.url_path.endswith(url[1:]):
        return page.url_path[: len(page.url_path) - len(url) + 1]
    return "/"
