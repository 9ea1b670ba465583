"""What the admin's edit forms share between apps."""

# Panels only the ministry editors see (FieldPanel(..., permission=EDITORS_ONLY)): the editors may change
# municipalities and coordinators may not, so this permission tells the two roles apart in every form.
EDITORS_ONLY = "network.change_municipality"
