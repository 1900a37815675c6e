"""Following without an account: e-mail alerts that carry the change, digests, webhooks for newsrooms and
the feeds of what one can follow (docs/following.md)."""
