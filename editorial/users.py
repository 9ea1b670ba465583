"""User management for the administrators ("Beheerders"): the accounts and role groups, never more rights for
themselves than a superuser gave them.

Wagtail's user forms let anyone with the user permissions tick "superuser" and change their own groups, so an
administrator could make themselves or a new account a superuser, or join the editors. Here only a superuser may
grant or edit superuser status or edit a superuser's account, and nobody changes their own groups, nor the
permissions of a group they are in (which would give the same rights by another door).
"""

from django.core.exceptions import PermissionDenied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.groups import DeleteView as GroupDeleteView
from wagtail.users.views.groups import EditView as GroupEditView
from wagtail.users.views.groups import GroupViewSet
from wagtail.users.views.users import CreateView, EditView, UserViewSet


class _OnlyWhatTheUserMayGrant:
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if self.instance.pk is not None and self.instance.pk == for_user.pk:
            self.fields.pop("groups", None)


class AccountCreationForm(_OnlyWhatTheUserMayGrant, UserCreationForm):
    pass


class AccountEditForm(_OnlyWhatTheUserMayGrant, UserEditForm):
    pass


class AccountCreateView(CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class AccountEditView(EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Editing a superuser (their e-mail address, their password) is taking over their account.
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class AccountViewSet(UserViewSet):
    add_view_class = AccountCreateView
    edit_view_class = AccountEditView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


class _NotOwnGroup:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        user = request.user
        if not user.is_superuser and user.groups.filter(pk=str(kwargs.get("pk", ""))).exists():
            raise PermissionDenied


class RoleGroupEditView(_NotOwnGroup, GroupEditView):
    pass


class RoleGroupDeleteView(_NotOwnGroup, GroupDeleteView):
    pass


class RoleGroupViewSet(GroupViewSet):
    edit_view_class = RoleGroupEditView
    delete_view_class = RoleGroupDeleteView
