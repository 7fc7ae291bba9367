# Where the daemon serves its OpenAPI document, under /<version>/: a file of its
# own so that a broken example (examples/broken/) can replace it with one small file.
ROUTE = 'api/api.yml'
