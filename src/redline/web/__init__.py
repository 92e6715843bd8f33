"""The web interface: a JSON API under /api/ and the analyst dashboard (`redline serve`).

Needs the `web` extra (FastAPI, uvicorn, Jinja2, plotly); htmx and the dashboard's script ship
in `static/`, Plotly's JavaScript comes from the installed `plotly` package, so nothing is
fetched from a CDN and the dashboard works offline.
"""
