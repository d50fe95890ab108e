"""Request and upload limits: a large file sent to a form that takes none (the login form) is
refused before its body is read, a small one at its first byte, and the views that take files
still take them. The tests count the bytes the application reads from the connection and the
upload handlers called, never time."""

import io
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT
from django.urls import reverse

from cyberregions.core import security
from cyberregions.testing import WSGIApplicationForTests

LOGIN = "/accounts/login/"
HUNDRED_MB = 100 * 1024 * 1024


class CountingInput(io.RawIOBase):
    """A connection's body: ``head`` then ``size`` zero bytes, produced only when read."""

    def __init__(self, head: bytes, size: int):
        self.head, self.size, self.position = head, size, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        total = len(self.head) + self.size
        count = min(len(buffer), total - self.position)
        head_part = self.head[self.position : self.position + count]
        buffer[: len(head_part)] = head_part
        buffer[len(head_part) : count] = bytes(count - len(head_part))
        self.position += count
        return count


def multipart_head(field: str = "avatar", filename: str = "big.bin") -> bytes:
    return (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="login"\r\n\r\nnobody\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
    ).encode()


def call(path: str, body: CountingInput, length: int, method: str = "POST"):
    """The whole application (every middleware) over WSGI, as gunicorn would call it."""
    statuses = []
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BufferedReader(body),
        "wsgi.errors": io.StringIO(),
        "CONTENT_TYPE": MULTIPART_CONTENT,
        "CONTENT_LENGTH": str(length),
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = WSGIApplicationForTests()(environ, lambda status, headers: statuses.append(status))
    content = b"".join(response)
    return int(statuses[0].split()[0]), content


class RequestLimitTests(TestCase):
    def test_a_100_mb_file_part_on_the_login_form_is_refused_unread(self):
        head = multipart_head()
        body = CountingInput(head, HUNDRED_MB)
        with (
            mock.patch.object(MemoryFileUploadHandler, "new_file") as memory,
            mock.patch.object(TemporaryFileUploadHandler, "new_file") as disk,
        ):
            status, content = call(LOGIN, body, len(head) + HUNDRED_MB)
        self.assertEqual(status, 413)
        self.assertIn(b"larger than the limit", content)
        self.assertEqual(body.position, 0, "the body was read")
        memory.assert_not_called()
        disk.assert_not_called()

    def test_a_small_file_part_on_the_login_form_is_refused_at_its_first_byte(self):
        head = multipart_head()
        size = 1024 * 1024
        body = CountingInput(head, size)
        with (
            mock.patch.object(MemoryFileUploadHandler, "receive_data_chunk") as memory,
            mock.patch.object(TemporaryFileUploadHandler, "receive_data_chunk") as disk,
        ):
            status, content = call(LOGIN, body, len(head) + size)
        self.assertEqual(status, 413)
        self.assertIn(b"does not accept files", content)
        memory.assert_not_called()
        disk.assert_not_called()
        # The parser reads ahead in chunks, but stops long before the end of the file.
        self.assertLess(body.position, len(head) + 256 * 1024)

    def test_any_body_past_the_overall_limit_is_refused_unread(self):
        head = multipart_head("file", "data.csv")
        with override_settings(REQUEST_MAX_BODY_BYTES=1024 * 1024):
            body = CountingInput(head, 2 * 1024 * 1024)
            status, _content = call("/data/import/", body, len(head) + 2 * 1024 * 1024)
        self.assertEqual(status, 413)
        self.assertEqual(body.position, 0)

    def test_the_api_answers_its_refusals_in_json(self):
        head = multipart_head()
        body = CountingInput(head, HUNDRED_MB)
        status, content = call("/api/organisations/", body, len(head) + HUNDRED_MB)
        self.assertEqual(status, 413)
        self.assertIn(b'"code":"request_too_large"', content.replace(b" ", b""))

    def test_a_multipart_form_without_files_still_reaches_the_view(self):
        response = self.client.post(LOGIN, {"login": "nobody", "password": "wrong"})
        self.assertEqual(response.status_code, 200)  # the form again, with its error

    def test_a_view_that_takes_files_still_receives_them(self):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("root", "root@example.org", None)
        self.client.force_login(admin)
        original = MemoryFileUploadHandler.new_file
        with mock.patch.object(
            MemoryFileUploadHandler, "new_file", autospec=True, side_effect=original
        ) as memory:
            response = self.client.post(
                "/data/import/",
                {"file": SimpleUploadedFile("orgs.csv", b"name;country\nX;FR\n")},
            )
        memory.assert_called_once()
        self.assertNotEqual(response.status_code, 413)


class UploadViewListTests(SimpleTestCase):
    def test_every_view_listed_as_taking_files_exists(self):
        for view_name in security.UPLOAD_VIEWS:
            with self.subTest(view_name):
                kwargs = {"slug": "x", "pk": 1, "entry_pk": 1}
                for candidate in ({}, {"slug": "x"}, {"pk": 1, "entry_pk": 1}):
                    try:
                        reverse(view_name, kwargs=candidate)
                        break
                    except Exception:  # noqa: S112 - trying the shapes of arguments
                        continue
                else:
                    self.fail(f"{view_name} is not a URL name ({kwargs})")
