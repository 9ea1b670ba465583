"""Forms of the editorial admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with a translated label for the password: Wagtail's own field has none, so Django
    derives an untranslated "Password" from the field's name, beside a translated "Gebruikersnaam"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Wachtwoord")
