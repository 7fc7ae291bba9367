@http @openapi
Feature: The OpenAPI/Swagger spec is offered at http://<service_root_api>/<version>/api/api.yml
  Guideline checklist: "The OpenAPI/Swagger spec is offered at
  http://<service_root_api>/<version>/api/api.yml". The document is fetched from the
  service's own port (in the host) and through nginx (https://HOST/api/<shortName>/<version>/api/api.yml),
  validated with swagger-parser as Swagger 2.0 or OpenAPI 3.x, and its version is read
  where it locates the API: Swagger 2.0 basePath, OpenAPI 3.x servers[].url (not
  info.version, the version of the document itself).

  Scenario: The OpenAPI/Swagger spec is offered at http://<service_root_api>/<version>/api/api.yml
    Given the service is installed on a Wazo host
    And the service is running
    When the OpenAPI document is fetched from the service's own port
    Then the OpenAPI document answers 200 with a YAML content type
    And the OpenAPI document is a valid Swagger 2.0 or OpenAPI 3.x document
    And the version of the OpenAPI document matches the URL it is served at
    When the OpenAPI document is fetched through nginx
    Then the OpenAPI document answers 200 with a YAML content type
    And every GET path without parameters that the OpenAPI document declares answers through nginx with the service's own answer
