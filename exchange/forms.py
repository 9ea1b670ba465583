import re

from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import InitiativePage

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
        fields = ["kind", "name", "organisation", "email", "municipality", "sender_initiative", "theme", "message"]
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
            "sender_initiative": _("Namens welk initiatief vraagt u? (niet verplicht)"),
            "theme": _("Over welk thema gaat het? (niet verplicht)"),
            "message": _("Uw bericht"),
        }
        help_texts = {
            "municipality": _("De gemeente waar u werkt, als u voor een gemeente of in een regio werkt."),
            "message": _("Hoogstens 3000 tekens, zonder HTML."),
            "email": _("Het initiatief antwoordt u op dit adres."),
        }

    def __init__(self, *args, asked=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ExchangeRequest.Kind.choices  # no empty "---------" choice among the radios
        initiatives = InitiativePage.objects.live().public().order_by("title")
        if asked is not None:
            initiatives = initiatives.exclude(pk=asked.pk)
        self.fields["sender_initiative"].queryset = initiatives
        self.fields["sender_initiative"].empty_label = _("Geen, of niet van het netwerk")
        self.fields["theme"].empty_label = _("Geen bepaald thema")
        for name in ("name", "organisation", "municipality", "message"):
            self.fields[name].validators.append(reject_html)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("homepage", "").strip())


class RequesterOutcomeForm(forms.Form):
    """What the requester took home from a held exchange, written on their own page."""

    outcome = forms.CharField(
        label=_("Wat hebt u meegenomen uit de uitwisseling?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Hoogstens 3000 tekens, zonder HTML. Het initiatief leest dit; het wordt niet gepubliceerd."),
        validators=[reject_html],
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class StepForm(forms.Form):
    """A move in the admin, by a coordinator of the initiative asked or an editor; ``process.apply`` decides."""

    move = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Toelichting (gaat mee in de e-mail aan de afzender)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[reject_html],
    )
    forward_to = forms.ModelChoiceField(
        label=_("Doorsturen naar"), queryset=InitiativePage.objects.none(), required=False
    )
    meeting_form = forms.ChoiceField(
        label=_("Vorm"), choices=[("", "—"), *ExchangeRequest.MeetingForm.choices], required=False
    )
    planned_for = forms.DateField(label=_("Datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    held_on = forms.DateField(label=_("Gehouden op"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    theme = forms.ModelChoiceField(label=_("Thema"), queryset=None, required=False)
    outcome = forms.CharField(
        label=_("Wat het initiatief meenam"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[reject_html],
    )

    def __init__(self, *args, **kwargs):
        from practices.models import Theme

        super().__init__(*args, **kwargs)
        self.fields["forward_to"].queryset = InitiativePage.objects.live().order_by("title")
        self.fields["theme"].queryset = Theme.objects.all()


class NewLinkForm(forms.Form):
    """A requester whose personal link expired asks for a new one by the address they wrote from."""

    email = forms.EmailField(label=_("Uw e-mailadres"), max_length=254)
