"""The paper's three applications served to real clients: /bin/redis-server, /bin/httpd, /bin/faas."""
