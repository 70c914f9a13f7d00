"""A Django hello-world project for bench_serve: Django's ``startproject`` settings, one view
that answers "Hello, world", served by the same waitress server with the same options as
Comitia, so the benchmark compares Comitia's pages with Django's own floor on the same machine,
in the same run."""
