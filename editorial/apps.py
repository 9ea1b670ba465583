from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class EditorialConfig(AppConfig):
    default = True  # apps.py holds a second config, for wagtail.users
    name = "editorial"
    verbose_name = _("Redactie")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the account management of ``editorial.users`` (in INSTALLED_APPS instead of
    ``wagtail.users``, the way Wagtail lets a project replace its user views)."""

    user_viewset = "editorial.users.AccountViewSet"
    group_viewset = "editorial.users.RoleGroupViewSet"
