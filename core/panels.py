"""What the admin's edit forms share between apps: panels only the editors get, and inline rows left blank."""

from wagtail.admin.panels import FieldPanel, InlinePanel, TitleFieldPanel, get_form_for_model

from .forms import BlankRowIsNoRowForm

# Panels only the ministry editors see (FieldPanel(..., permission=EDITORS_ONLY)): the editors may change
# municipalities and coordinators may not, so this permission tells the two roles apart in every form.
EDITORS_ONLY = "network.change_municipality"


class TitlePanel(TitleFieldPanel):
    """The page title, which fills in the slug as one types, where the form has a slug (the editors' form).

    Wagtail's own panel would point its slug sync at an empty selector in a coordinator's form, which has no slug,
    and the browser reports the error on every edit page.
    """

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_attrs(self):
            attrs = super().get_attrs()
            if not attrs.get("data-w-sync-target-value"):
                controllers = attrs.get("data-controller", "").split()
                attrs["data-controller"] = " ".join(name for name in controllers if name != "w-sync")
                attrs.pop("data-w-sync-target-value", None)
                own_actions = self.bound_field.field.widget.attrs.get("data-action")
                if own_actions:
                    attrs["data-action"] = own_actions
                else:
                    attrs.pop("data-action", None)
            return attrs


def editors_only_slug():
    """The promote panels of a page type whose slug only the editors set.

    A coordinator's new page takes its slug from its title (Wagtail does so when the form has no slug) and keeps
    it: shared links and an initiative's address do not change because a title was reworded.
    """
    return [FieldPanel("slug", permission=EDITORS_ONLY)]


class BlankRowsDroppedInlinePanel(InlinePanel):
    """An ``InlinePanel`` whose rows left entirely blank are dropped rather than validated (``BlankRowIsNoRowForm``)."""

    def get_form_options(self):
        options = super().get_form_options()
        child = self.child_edit_handler.get_form_options()
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=BlankRowIsNoRowForm,
            fields=child.get("fields", []),
            widgets=child.get("widgets", {}),
            defer_required_on_fields=child.get("defer_required_on_fields", []),
        )
        return options


class EditorsOnlyInlinePanel(InlinePanel):
    """An ``InlinePanel`` only the editors see and change, such as the study's source citations.

    Wagtail 8 checks a ``permission`` per ``FieldPanel`` (the field leaves the form) but not per ``InlinePanel``.
    Here the page form leaves the panel's formset out for anyone without the permission (``EditorialPageForm``):
    the rows are neither shown to them nor changed by anything they post, and the saved rows stay as they are.
    """

    def get_form_options(self):
        options = super().get_form_options()
        options["formset_permissions"] = {self.relation_name: EDITORS_ONLY}
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            if form is not None and kwargs["panel"].relation_name not in form.formsets:
                # Left out of this user's form: nothing to bind, nothing to show.
                super(InlinePanel.BoundPanel, self).__init__(**kwargs)
                self.label, self.formset, self.children = self.panel.label, None, []
                return
            super().__init__(**kwargs)

        def is_shown(self):
            return self.formset is not None and super().is_shown()
