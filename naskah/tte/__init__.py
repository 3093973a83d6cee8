"""Electronic signature (TTE): local CA and PAdES signer, remote BSrE-style signer, verification."""
