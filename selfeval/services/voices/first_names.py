"""Common first names of children, young people and parents in England, for the identifying
check (identifying.py): the most given names of recent decades across the communities a
partnership serves. Names that are also everyday words, months, places or ratings (May, Hope,
Amber, Jordan, Will, Frank, Max) are left out: a check that flags every "May" is a check people
learn to ignore. A rare name still needs a person's eye, and the check says so.
"""

from __future__ import annotations

_NAMES = """
    Aaliyah Aaron Abbie Abdul Abdullah Abigail Ada Adam Adrian Ahmed Aidan Aisha Alan Albert
    Alex Alexander Alexandra Alfie Alice Alicia Alisha Alison Amelia Amir Amira Amy Andrew Angela
    Anna Annabelle Anne Anthony Archie Aria Arlo Arthur Aryan Ashley Ava Ayaan Ayesha Bailey
    Barbara Beatrice Bella Ben Benjamin Bethany Billy Bobby Bonnie Brandon Callum Cameron Carl
    Caroline Catherine Charles Charlie Charlotte Chloe Christopher Claire Connor Corey Daisy
    Daniel Danielle David Dean Declan Dexter Dominic Dylan Edward Eleanor Elijah Elizabeth Ella
    Ellie Elliot Eloise Elsie Emily Emma Eric Erin Ethan Evan Evelyn Ezra Fatima Felix Finley
    Finn Freddie Frederick Freya Gabriel Gareth Gary George Gemma Georgie Gracie Hadi Hafsa
    Hamza Hannah Harper Harriet Harrison Harry Harvey Hassan Hayden Hayley Heidi Helen Henry
    Hollie Hugo Ibrahim Imogen Isaac Isabel Isabella Isabelle Isla Ismail Jack Jacob Jake James
    Jamie Jasmine Jason Jayden Jessica Jodie Joe Joel John Jonathan Joseph Joshua Julie Kai
    Karen Katie Kayden Kayla Keira Kevin Khadija Kian Kyle Laila Lacey Layla Leah Leo Leon Lewis
    Liam Lilly Lily Logan Lola Louie Louis Louise Luca Lucas Lucy Luke Lydia Maddison Madison
    Maisie Maria Maryam Matilda Matthew Megan Mia Michael Michelle Millie Mohammed Mohammad
    Molly Muhammad Musa Maya Nathan Nicholas Nicola Niamh Noah Nora Oliver Olivia Ollie Omar
    Oscar Owen Paige Patrick Paul Peter Phoebe Poppy Rachel Rebecca Reggie Rhys Riley Robert
    Rory Rosie Ryan Sadie Safa Samuel Sam Sara Sarah Scarlett Sebastian Sophia Sophie Stanley
    Stephen Sienna Simon Stella Steven Tariq Teddy Theo Theodore Thomas Tilly Toby Tommy Tyler
    Usman Victoria Violet Wiktoria Willow Yusuf Zac Zach Zachary Zain Zara Zayn Zoe Jakub Kacper
    Szymon Zuzanna Oskar Filip Maja Amelie Aleksander Mateusz Hanna Priya Aarav Arjun Rohan
    Anaya Diya Ishaan Simran Harpreet Gurpreet Jaspreet Mariam Hiba Yasmin Aliyah Kofi Kwame
    Ama Chidi Tobi Ifeoma Oluwaseun Ayo Deborah Precious Blessing Emmanuel Samuel Daniella
    Tom Tim Jim Jimmy Dan Danny Josh Matt Nick Chris Mike Steve Stevie Kate Katy Beth Liz Lizzie
    Becky Abi Abby Ali Ellis Jay Jo Kim Lee Leanne Lauren Lewis Mason Nathan Neil Rosie Ruth
    Sally Sean Shane Shannon Sophie Stacey Tara Tasha Terry Tony Tracy Wayne Zoey Ahmad Aliyah
    Bilal Danyal Faisal Hamid Imran Irfan Junaid Kashif Mustafa Nadia Rehan Sana Shabnam Yasmin
    Zainab Zaynab Ruqayyah Sumaya Hussein Abdi Amina Asha Hodan Fardowsa Olamide Chisom Kayode
    Dawid Julia Kinga Natalia Oliwia Patryk Piotr Tomasz Adrianna Bartosz Kamil Lena Milena
"""
FIRST_NAMES = frozenset(_NAMES.split())
