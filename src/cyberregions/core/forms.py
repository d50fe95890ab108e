from django import forms
from django.utils.translation import gettext_lazy as _


def widget_class(widget: forms.Widget) -> str:
    """The Bootstrap class of a widget: check boxes and radios, selects, other inputs."""
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.RadioSelect):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


def style_widgets(form: forms.BaseForm) -> None:
    """Bootstrap classes on every widget of ``form``, unless a widget already has a class."""
    for field in form.fields.values():
        field.widget.attrs.setdefault("class", widget_class(field.widget))


class StepReasonForm(forms.Form):
    """The reason given with a step of a workflow (``core.workflow``); required where the
    step says so. Apps add what their own steps record."""

    reason = forms.CharField(
        label=_("Why (sent to the people concerned)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )

    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = needs_reason
