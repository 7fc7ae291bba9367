@ports
Feature: The ports the service uses
  Guidelines: "When creating a new daemon, pick the next unused port above 9503" (the
  network flow table), and the checklist item "The ports used are listed in the doc. Ports
  are not usually used for testing HTTP (8000, 8080, etc.)". The service declares every port it
  listens on in its manifest (ports: port, protocol tcp or udp, listen address, IPv4 or IPv6),
  the API's among them; each step judges all of them. The flow table is docs/ports.yml.

  Background:
    Given the service is installed on a Wazo host
    And the service is running

  # One scenario: a port usually used for testing HTTP is also below 9503, so split rules
  # would fail together; the first step that fails says which rule the port breaks.
  Scenario: Ports are not usually used for testing HTTP (8000, 8080, etc.), nor another daemon's, and a new daemon's port is above 9503
    Then the service's port is not a port usually used for testing HTTP
    And no other daemon of the network flow table uses the service's port
    And the service's port is above 9503 if the service is a new daemon

  Scenario: The ports used are listed in the doc
    Then the service's port is listed in the ports documentation with its listen address

  Scenario: The service listens on exactly its declared ports and addresses
    Then the service's processes listen on exactly the declared ports and addresses
