from borgerpost.cli import main

main()
