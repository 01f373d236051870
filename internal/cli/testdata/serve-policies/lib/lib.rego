package acme.lib

team_label := "team"
