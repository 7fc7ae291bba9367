@wazo-service
Feature: The service is added to wazo-service if necessary
  Guideline checklist: "The service is added to wazo-service if necessary" (manifest
  wazoService; not applicable when false). wazo-service lists the service with its state,
  stops it, starts it, and "restart all" starts it again after the host services it needs,
  in the real tool's order and output format. The stand-in knows the real tool's lists; a new
  service emulates its addition to them with a file in /etc/wazo-service/services.d/, and a
  note says whether the service is in the real lists or what to add there. It stops and starts
  services, not the host: it runs on the run's shared host once every scenario that only reads
  it has finished, alone (on a host of its own if a scenario before it there did not pass).

  Scenario: The service is added to wazo-service if necessary
    Given the service is installed on the shared Wazo host, after the scenarios that only read it
    And the service is running
    Then wazo-service status lists the service as running
    When the administrator runs "wazo-service stop"
    Then the service is stopped
    When the administrator runs "wazo-service start"
    Then the service is running
    When the administrator runs "wazo-service restart all"
    Then wazo-service started the service after the services it depends on
    And the service is running
