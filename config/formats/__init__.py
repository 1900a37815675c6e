"""Date and number formats per language, where Django's own do not say what our readers expect
(FORMAT_MODULE_PATH in config/settings/base.py). Languages without a module here keep Django's."""
