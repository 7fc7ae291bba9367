# Substituted by examples/build-debs.sh at build time.
__version__ = '@VERSION@'
