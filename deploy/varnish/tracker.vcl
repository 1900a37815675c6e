# Varnish 7 in front of the tracker (docs/deploy.md, "Caching"). nginx terminates TLS and passes every
# request here; Varnish keeps the public pages and passes everything else to gunicorn.
#
# What it keeps is what the application says it may (tracker/public/http_caching.py): revision, compare
# and citation pages for a year; other public pages for `s-maxage` seconds; nothing that is private,
# no-store, sets a cookie or is not a 200. The application purges what a change touched as soon as the
# change commits (tracker/public/frontend_cache.py), from this machine only:
#   PURGE <path>                 every kept answer of that path (any query string, any language)
#   BAN / with X-Ban-Path: <re>  every kept answer whose path matches the regular expression
#                                (a record taken down or restored: everything under its address)
# The backend's port below is the one gunicorn binds to (deploy/gunicorn.conf.py, GUNICORN_BIND).

vcl 4.1;

import std;

backend tracker {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
}

# Who may purge and ban: the application servers (add the others' addresses on several machines).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (std.ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Ban-Path) {
            return (synth(400, "X-Ban-Path is missing"));
        }
        if (std.ban("obj.http.x-path ~ " + req.http.X-Ban-Path)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, the tips form and uploaded documents go straight through, with their cookies.
    if (req.url ~ "^(/[a-z]{2})?/(admin|tips|documents)(/|$)") {
        return (pass);
    }
    # A signed-in visitor's pages are private (the application marks them so, too).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Public pages do not depend on any other cookie: one copy serves everyone.
    unset req.http.Cookie;
    # One copy per language the site speaks, not one per browser's Accept-Language.
    if (req.http.Accept-Language ~ "^\s*ur") {
        set req.http.Accept-Language = "ur";
    } elsif (req.http.Accept-Language ~ "(^|,)\s*en") {
        set req.http.Accept-Language = "en";
    } elsif (req.http.Accept-Language ~ "(^|,)\s*ur") {
        set req.http.Accept-Language = "ur";
    } else {
        set req.http.Accept-Language = "en";
    }
    if (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # An http:// request is answered with a redirect to https://: never the same copy.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # The path, for PURGE and BAN (bans on obj.* are checked in the background, not on every lookup).
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # Only pages are kept: never an error, a 410 of a taken-down record or a redirect.
    if (beresp.status != 200) {
        set beresp.ttl = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # A page past its s-maxage may be served for a few more seconds while a fresh copy is fetched;
    # a purged or banned page never is.
    set beresp.grace = 10s;
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
