from django.http import HttpRequest, HttpResponse
from django.urls import path


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world")


def sized(request: HttpRequest, size: int) -> HttpResponse:
    """``size`` bytes of HTML (at most 4 MiB): hello-world with a body as long as a page's, so
    that a page's figures can be set beside a view that costs nothing but its bytes."""
    return HttpResponse(b"x" * min(size, 4 * 1024 * 1024), content_type="text/html")


urlpatterns = [path("", hello), path("bytes/<int:size>/", sized)]
