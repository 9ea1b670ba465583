"""“Wie kan u helpen?”: for an initiative (or the initiatives of a municipality's answer), which initiatives in
other regions describe a practice or lesson for the limiting factors and themes it names.

Computed from published data only, in two queries whatever the size of the network: one for what the asking
initiatives name (their limiting factors and themes), one for the live, public practices and lessons in other
regions that carry one of those factors or themes, each with the initiative it sits under. Helpers are ranked by
how many of the needs they answer, then by how many practices they describe; every match is explained in words.
"""

from dataclasses import dataclass, field

from django.db.models import CharField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import PageViewRestriction

from network.models import InitiativeFactor, InitiativePage
from practices.models import Factor, PracticePage

STEP = 4  # the length of one level of a Wagtail page path
LIMIT = 5


@dataclass
class Match:
    need: str
    asker: str
    practices: list = field(default_factory=list)  # (title, url, is_lesson)


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
        return (len(self.matches), sum(len(match.practices) for match in self.matches.values()))

    def explanations(self):
        for match in self.matches.values():
            titles = ", ".join(f"‘{title}’" for title, _url, _lesson in match.practices)
            yield _("%(asker)s noemt %(need)s; %(helper)s beschrijft daarover %(titles)s.") % {
                "asker": match.asker,
                "need": match.need.lower(),
                "helper": self.title,
                "titles": titles,
            }


def _needs(initiatives):
    """(kind, id, label, slug, asker title) of each limiting factor and theme the initiatives name: one query."""
    ids = [initiative.pk for initiative in initiatives]
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
    return list(factors.union(themes, all=True))


def _ancestor(levels, column):
    """A column of the page ``levels`` steps above the practice (its initiative: 1, its region: 2), correlated."""
    from wagtail.models import Page

    path = OuterRef("practicepage__path")
    pages = InitiativePage.objects if levels == 1 else Page.objects  # a practice under a region has no initiative
    return Subquery(pages.filter(path=Substr(path, 1, Length(path) - STEP * levels)).values(column)[:1])


def _offers(factor_ids, theme_ids, region_paths):
    """Live, public practices outside the asking regions with one of these factors or themes: one query."""
    columns = {
        "initiative_title": _ancestor(1, "title"),
        "initiative_slug": _ancestor(1, "slug"),
        "initiative_url_path": _ancestor(1, "url_path"),
        "region_title": _ancestor(2, "title"),
    }
    # Wagtail's public() reads the restrictions in a query of its own; as a subquery it stays one query.
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length(F("page__path"))))
    live = PracticePage.objects.live().exclude(Exists(restricted))
    for region_path in region_paths:
        live = live.exclude(path__startswith=region_path)
    factor_rows = (
        PracticePage.factors.through.objects.filter(
            factor_id__in=factor_ids, practicepage__in=live.order_by().values("pk")
        )
        .order_by()
        .annotate(kind=Value("factor", output_field=CharField()), need_id=F("factor_id"), **columns)
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
    theme_rows = (
        PracticePage.themes.through.objects.filter(
            theme_id__in=theme_ids, practicepage__in=live.order_by().values("pk")
        )
        .order_by()
        .annotate(kind=Value("theme", output_field=CharField()), need_id=F("theme_id"), **columns)
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
    return list(factor_rows.union(theme_rows, all=True))


def who_can_help(initiatives, url_prefix, limit=LIMIT):
    """The ranked helpers for these (asking) initiatives; ``url_prefix`` is the site root's url_path ("/home/")."""
    initiatives = list(initiatives)
    if not initiatives:
        return []
    needs = _needs(initiatives)
    if not needs:
        return []
    labels = {}
    askers = {}
    for kind, need_id, label, slug, asker in needs:
        labels[(kind, need_id)] = (label, slug)
        askers.setdefault((kind, need_id), []).append(asker)
    factor_ids = [need_id for kind, need_id in labels if kind == "factor"]
    theme_ids = [need_id for kind, need_id in labels if kind == "theme"]
    region_paths = {initiative.path[:-STEP] for initiative in initiatives}
    asking = {initiative.title for initiative in initiatives}
    helpers = {}
    for kind, need_id, title, url_path, practice_kind, initiative, slug, initiative_path, region in _offers(
        factor_ids, theme_ids, region_paths
    ):
        if not initiative or initiative in asking or not initiative_path:
            continue  # a practice under a region or the network as a whole: nobody to ask for an exchange
        helper = helpers.get(slug)
        if helper is None:
            helper = helpers[slug] = Helper(initiative, slug, region or "", _url(initiative_path, url_prefix))
        label, need_slug = labels[(kind, need_id)]
        match = helper.matches.get(label)
        if match is None:
            match = helper.matches[label] = Match(label, " en ".join(sorted(set(askers[(kind, need_id)]))))
            if kind == "theme" and not helper.theme_slug:
                helper.theme_slug = need_slug
        entry = (title, _url(url_path, url_prefix), practice_kind == PracticePage.Kind.LESSON)
        if entry not in match.practices:
            match.practices.append(entry)
    ranked = sorted(helpers.values(), key=lambda helper: (-helper.score[0], -helper.score[1], helper.title))
    for helper in ranked:
        helper.matches = dict(sorted(helper.matches.items()))
        for match in helper.matches.values():
            match.practices.sort()
    return ranked[:limit]


def _url(url_path, prefix):
    if url_path and prefix and url_path.startswith(prefix):
        return "/" + url_path[len(prefix) :]
    return url_path or ""


def url_prefix_of(page):
    """The site root's url_path, from a page whose url and url_path are both known (no query)."""
    url = page.url or ""
    if url.startswith("/") and page.url_path.endswith(url[1:]):
        return page.url_path[: len(page.url_path) - len(url) + 1]
    return "/"
