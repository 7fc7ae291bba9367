@docs
Feature: The service's documentation on wazo-platform.org
  Guidelines checklist: "The service is documented on wazo-platform.org" and "The service
  config files are listed in the documentation for files backup". Judged against a checkout of
  the documentation site given with --docs DIR (github.com/wazo-platform/wazo-platform.org),
  read on the machine running the harness: no host is needed. Without --docs a run leaves
  these scenarios out and both items stay MANUAL.

  Scenario: The service is documented on wazo-platform.org
    Then a page of the documentation site names the service in a heading and describes its API

  Scenario: The service config files are listed in the documentation for files backup
    Then the backup page of the documentation site lists every config file of the service
