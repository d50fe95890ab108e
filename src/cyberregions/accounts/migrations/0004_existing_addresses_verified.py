"""Accounts made before sign-up existed were created by administrators with a known address:
they keep logging in under mandatory e-mail verification, their address counted as verified."""

from django.db import migrations


def mark_existing_addresses_verified(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    have_one = set(EmailAddress.objects.values_list("user_id", flat=True))
    seen = set()
    rows = []
    for user_id, email in User.objects.exclude(email="").values_list("id", "email"):
        if user_id in have_one or email.lower() in seen:
            continue
        seen.add(email.lower())
        rows.append(EmailAddress(user_id=user_id, email=email, verified=True, primary=True))
    EmailAddress.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_security_tokens_known_addresses"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [
        migrations.RunPython(mark_existing_addresses_verified, migrations.RunPython.noop),
    ]
