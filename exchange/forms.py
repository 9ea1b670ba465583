import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExchangeRequest

# The start of an HTML tag or comment. A lone "<" or ">" ("kinderen < 12") is ordinary text and stays allowed.
HTML_TAG = re.compile(r"<\s*[a-zA-Z/!?]")


def reject_html(value):
    if HTML_TAG.search(value):
        raise forms.ValidationError(
            _("Gebruik geen HTML-code (tekst tussen < en >). Schrijf uw tekst zonder opmaak."), code="html"
        )


class ExchangeRequestForm(forms.ModelForm):
    """The contact form on an initiative profile. ``homepage`` is a honeypot: people never see it, bots fill it."""

    homepage = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ExchangeRequest
        fields = ["kind", "name", "organisation", "email", "municipality", "message"]
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {
            "kind": _("Wat wilt u?"),
            "name": _("Uw naam"),
            "organisation": _("Uw organisatie"),
            "email": _("Uw e-mailadres"),
            "municipality": _("Uw gemeente (niet verplicht)"),
            "message": _("Uw bericht"),
        }
        help_texts = {
            "municipality": _("De gemeente waar u werkt, als u voor een gemeente of in een regio werkt."),
            "message": _("Hoogstens 3000 tekens, zonder HTML."),
            "email": _("Het initiatief antwoordt u op dit adres."),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ExchangeRequest.Kind.choices  # no empty "---------" choice among the radios
        for name in ("name", "organisation", "municipality", "message"):
            self.fields[name].validators.append(reject_html)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("homepage", "").strip())
