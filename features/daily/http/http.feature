@http
Feature: The REST API is accessible via GET https://wazo/api/<service>
  Guideline checklist: "The REST API is accessible via GET https://wazo/api/<service>",
  and "Add an entry to the acceptance test: daily/http/http.feature": every service a
  manifest describes is checked on the API paths its manifest lists (api.paths), so no
  service can lose this check by not being listed here. Paths are relative to the API root: https://HOST/api/<shortName>/<version><path> through the host's nginx
  (TLS verified against the host's CA), <protocol>://127.0.0.1:<port>/<version><path> on
  the service's own port (from the manifest). An answer is the service's own: 2xx, or 401 or
  403 when the manifest says the API needs a token; never 404, nor a proxy error (502, 503,
  504) or another 5xx.

  Scenario: The REST API is accessible via GET https://wazo/api/<service>
    Given the service is installed on a Wazo host
    And the service is running
    Then every API path of the manifest answers through nginx with the service's own answer
    And every API path of the manifest answers 401 through nginx without a token when the manifest says the API needs one
    And every API path of the manifest answers on the service's own port
