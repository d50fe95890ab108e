from allauth.account import views as allauth_views
from django.urls import path

from . import privacy_views, views

app_name = "accounts"

# The platform's names for the pages django-allauth serves (the rest of allauth's pages are
# included after these at the same prefix, under allauth's own names).
urlpatterns = [
    path("login/", allauth_views.login, name="login"),
    path("logout/", allauth_views.logout, name="logout"),
    path("signup/", allauth_views.signup, name="signup"),
    path("password/change/", allauth_views.password_change, name="password_change"),
    path("password/reset/", allauth_views.password_reset, name="password_reset"),
    path("profile/", views.profile, name="profile"),
    path("profile/preferences/", views.preferences, name="preferences"),
    path("profile/tokens/", views.create_api_token, name="create_api_token"),
    path(
        "profile/tokens/<int:token_id>/revoke/",
        views.revoke_api_token,
        name="revoke_api_token",
    ),
    path("security-log/", views.security_log, name="security_log"),
    path("sessions/<int:session_id>/end/", views.end_session, name="end_session"),
    path("profile/my-data/", privacy_views.download_my_data, name="my_data"),
    path("profile/erase/", privacy_views.erase_my_account, name="erase_account"),
]
