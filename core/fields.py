from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class MultipleChoiceField(models.CharField):
    """A small set of fixed choices, several at once, stored as ``"a,b"`` and handled as a list.

    Used for target groups and disciplines: the vocabularies are short and fixed, so a join table would only cost
    queries, and a comma-separated value filters on every database (``filter_has``).
    """

    def __init__(self, *args, choices=None, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        self.multiple_choices = list(choices or [])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices"] = self.multiple_choices
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, (list, tuple)):
            return list(value)
        return [part for part in value.split(",") if part]

    def get_prep_value(self, value):
        values = self.to_python(value)
        known = [key for key, _label in self.multiple_choices]
        # Keep the vocabulary's own order, so equal selections are equal strings.
        return ",".join(key for key in known if key in values)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {key for key, _label in self.multiple_choices}
        unknown = [item for item in self.to_python(value) if item not in known]
        if unknown:
            raise ValidationError(f"Onbekende keuze: {', '.join(unknown)}")
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.multiple_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for key in ("max_length", "empty_value", "coerce"):
            defaults.pop(key, None)
        return form_class(**defaults)

    def labels(self, values):
        names = dict(self.multiple_choices)
        return [names[value] for value in values if value in names]


def filter_has(field_name, value):
    """A lookup for "the multiple-choice field contains this value", the same on SQLite and PostgreSQL."""
    return models.Q(**{f"{field_name}__regex": rf"(^|,){value}(,|$)"})
