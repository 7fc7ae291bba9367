@backup
Feature: The service config files are copied by xivo-backup
  Guideline checklist: "The service config files are copied by xivo-backup". A data backup
  is made as cron makes it (wazo-backup data FILE, xivo-backup is its alias); the archive
  must hold each file the manifest lists (manifest backup), with the same content as on
  the host. The backup must not spread the host's secret: the consul master token may be
  only in the listed files and in the host's own consul client config, and consul's state
  directory (with the token file) must not be in the archive. The stand-in saves the real
  tool's list; a new service emulates its addition with a file in /etc/wazo-backup/paths.d/,
  and a note says whether each file is in the real list or what to add there.

  Scenario: The service config files are copied by xivo-backup
    Given the service is installed on a Wazo host
    And the service is running
    When a data backup is made with wazo-backup
    Then the backup holds every config file the manifest lists, with the same content
    And the backup holds the consul master token nowhere but where it belongs
