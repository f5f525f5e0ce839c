def query_prefix(request):
    """The current query string without `pagina`, ready to have `pagina=N` appended: the URL stays the state."""
    query = request.GET.copy()
    query.pop("pagina", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""
