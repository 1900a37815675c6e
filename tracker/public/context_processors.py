def canonical_url(request):
    """Every public page names its canonical address (query strings such as ?page= are not part of it);
    pages with a better one set `canonical_url` themselves."""
    return {"canonical_url": request.build_absolute_uri(request.path)}
