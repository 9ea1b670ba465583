"""The editors' view of what readers ask (/admin/zoekvragen/): the most asked questions and those that find little,
with one click to make a question a search term of a concept or to promote a page for it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from practices.models import Factor, Theme

from .questions import FEW_RESULTS, REPORT_DAYS, asked_recently

# Whoever may change the vocabulary may read the questions and add terms: the editors.
REQUIRED_PERMISSIONS = ("practices.change_theme", "practices.change_factor")
MAX_LISTED = 200


def may_steer_search(user):
    return user.is_active and all(user.has_perm(permission) for permission in REQUIRED_PERMISSIONS)


def search_questions(request):
    if not may_steer_search(request.user):
        raise PermissionDenied
    few_only = request.GET.get("weinig") == "1"
    context = {
        "questions": list(asked_recently(few_only=few_only)[:MAX_LISTED]),
        "few_only": few_only,
        "days": REPORT_DAYS,
        "few": FEW_RESULTS,
        "form": SearchTermForm(),
    }
    return TemplateResponse(request, "search/admin/questions.html", context)


class SearchTermForm(forms.Form):
    term = forms.CharField(max_length=255)
    concept = forms.ChoiceField(label=_("Begrip"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["concept"].choices = [
            (_("Thema's"), [(f"theme:{theme.pk}", theme.label) for theme in Theme.objects.order_by("label")]),
            (_("Factoren"), [(f"factor:{factor.pk}", factor.label) for factor in Factor.objects.order_by("label")]),
        ]

    def chosen_concept(self):
        kind, pk = self.cleaned_data["concept"].split(":")
        return {"theme": Theme, "factor": Factor}[kind].objects.get(pk=pk)


@require_POST
def add_search_term(request):
    """Append a reader's question to a concept's search terms (once); search uses it at once."""
    if not may_steer_search(request.user):
        raise PermissionDenied
    form = SearchTermForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een thema of factor en een zoekterm."))
        return redirect("search_questions")
    concept, term = form.chosen_concept(), form.cleaned_data["term"].strip()
    if term.lower() not in {existing.lower() for existing in concept.search_term_list()}:
        concept.search_terms = "\n".join([*concept.search_term_list(), term])
        concept.save(update_fields=["search_terms"])
    messages.success(request, _("‘%(term)s’ is een zoekterm van %(concept)s.") % {"term": term, "concept": concept})
    return redirect("search_questions")
