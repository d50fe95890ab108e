"""TOTP secrets and recovery-code seeds encrypted at rest (django-allauth stores them in
clear by default, readable by anyone who reads the database or a backup)."""

from __future__ import annotations

import base64
import hashlib

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet
from django.conf import settings


def fernet() -> Fernet:
    key = settings.MFA_ENCRYPTION_KEY
    if not key:
        # Derived from the secret key, under a label of its own; set MFA_ENCRYPTION_KEY to
        # rotate SECRET_KEY without losing everyone's second factor.
        digest = hashlib.sha256(f"cyberregions.mfa:{settings.SECRET_KEY}".encode()).digest()
        key = base64.urlsafe_b64encode(digest)
    return Fernet(key)


class PlatformMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return fernet().decrypt(encrypted_text.encode()).decode()
