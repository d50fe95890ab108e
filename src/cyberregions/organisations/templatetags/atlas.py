"""The facet panel, rendered in Python: a hundred checkboxes through the template engine
cost more than every query of the page together."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def facet_panels(facets) -> str:
    empty = _("No values among the results.")
    parts = []
    for facet in facets:
        name = facet["name"]
        if facet["entries"]:
            checkboxes = format_html_join(
                "",
                '<div class="form-check"><input class="form-check-input" type="checkbox" '
                'name="{0}" value="{1}" id="f-{0}-{2}"{3}><label class="form-check-label" '
                'for="f-{0}-{2}"><span>{4}</span> <span class="facet-count">{5}</span>'
                "</label></div>",
                (
                    (
                        name,
                        entry["value"],
                        index,
                        " checked" if entry["selected"] else "",
                        entry["label"],
                        entry["count"],
                    )
                    for index, entry in enumerate(facet["entries"], start=1)
                ),
            )
            body = format_html('<div class="facet-list">{}</div>', checkboxes)
        else:
            body = format_html('<p class="small text-body-secondary mb-0">{}</p>', empty)
        parts.append(
            format_html(
                '<fieldset class="mb-3"><legend class="fs-6 fw-semibold mb-1">{}</legend>'
                "{}</fieldset>",
                facet["label"],
                body,
            )
        )
    return format_html_join("", "{}", ((part,) for part in parts))
