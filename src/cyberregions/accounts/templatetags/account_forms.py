"""Bootstrap widgets for django-allauth's forms, whose widgets carry no classes."""

from django import template

from cyberregions.core.forms import widget_class

register = template.Library()


@register.filter
def bootstrap_widget(field):
    widget = field.field.widget
    attrs = {"class": f"{widget.attrs.get('class', '')} {widget_class(widget)}".strip()}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
        described_by.append(f"{field.auto_id}_errors")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
