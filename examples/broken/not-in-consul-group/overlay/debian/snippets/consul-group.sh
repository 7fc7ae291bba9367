        # broken: wazo-foo is not added to the consul group, although it reads
        # the host's default consul config
