        # this shape reads no consul client config: its user is not added to group consul
