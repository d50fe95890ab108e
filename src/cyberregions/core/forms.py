from django import forms


def style_widgets(form: forms.BaseForm) -> None:
    """Bootstrap classes on every widget of ``form``, unless a widget already has a class."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(
            widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.RadioSelect
        ):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")
