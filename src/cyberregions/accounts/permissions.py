"""Who may do what with an account, on core's role primitives."""

from __future__ import annotations

from cyberregions.core.permissions import is_admin, is_authenticated, is_command_line


def can_export_personal_data(user, person) -> bool:
    """A person downloads their own data; an administrator answers a request made otherwise
    (by letter, by e-mail)."""
    return (is_authenticated(user) and user.pk == person.pk) or is_admin(user)


def can_erase_person(user, person) -> bool:
    """A person erases their own account; an administrator or the server's operator erases
    one on request or when its retention period has passed."""
    if is_command_line(user):
        return True
    return (is_authenticated(user) and user.pk == person.pk) or is_admin(user)
