@http
Feature: The REST API is accessible via GET https://wazo/api/<service>
  Guideline checklist: "The REST API is accessible via GET https://wazo/api/<service>",
  and "Add an entry to the acceptance test: daily/http/http.feature": a service is adopted
  by adding one Examples row per API path, tagged with its name. Paths are relative to
  the API root: https://HOST/api/<shortName>/<version><path> through the host's nginx
  (TLS verified against the host's CA), <protocol>://127.0.0.1:<port>/<version><path> on
  the service's own port (from the manifest).

  @per-service
  Scenario Outline: The REST API is accessible via GET https://wazo/api/<service>: <path>
    Given the service is installed on a Wazo host
    And the service is running
    Then GET "<path>" of the API through nginx does not answer 404
    And GET "<path>" of the API through nginx without a token answers 401 when the manifest says the API needs one
    And GET "<path>" of the API answers on the service's own port

    @wazo-foo
    Examples:
      | path    |
      | /status |

    @wazo-bar
    Examples:
      | path    |
      | /status |
